package io.qccompanion.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpiContractTest {

  @Test
  void authNeverPrintsTheSecret() {
    var auth =
        new ConnectionSettings.Auth(ConnectionSettings.Auth.Kind.API_TOKEN, "a@b.c", "s3cr3t");
    var settings =
        ConnectionSettings.builder()
            .connectionId("c1")
            .name("acme")
            .host(Host.of("zendesk"))
            .baseUrl("https://acme.zendesk.com")
            .auth(auth)
            .build();
    assertThat(settings.toString()).doesNotContain("s3cr3t").contains("***");
  }

  @Test
  void ticketCopiesCollectionsAndDefaultsCsat() {
    var tags = new java.util.ArrayList<>(List.of("billing"));
    var ticket =
        Ticket.builder()
            .host(Host.of("jira"))
            .connectionId("c1")
            .externalId("10001")
            .key("SUP-1")
            .subject("s")
            .status("Done")
            .channel("email")
            .assigneeId("u1")
            .assigneeAtSolveId("u1")
            .tags(tags)
            .createdAt(Instant.EPOCH)
            .updatedAt(Instant.EPOCH)
            .solvedAt(Instant.EPOCH)
            .replyCount(1)
            .build();
    tags.add("changed");
    assertThat(ticket.tags()).containsExactly("billing");
    assertThat(ticket.csat().rated()).isFalse();
  }

  @Test
  void ticketRequiresIdentityAndVersion() {
    assertThatThrownBy(
            () ->
                Ticket.builder()
                    .host(Host.of("jira"))
                    .connectionId("c1")
                    .externalId(" ")
                    .updatedAt(Instant.EPOCH)
                    .build())
        .hasMessageContaining("externalId");
  }

  @Test
  void connectionCheckIsOkOnlyWhenEveryItemIs() {
    var ok = new ConnectionCheck.Item("credentials", true, "ok");
    var bad = new ConnectionCheck.Item("internal notes", false, "role cannot comment");
    assertThat(new ConnectionCheck(List.of(ok), null, null).ok()).isTrue();
    assertThat(new ConnectionCheck(List.of(ok, bad), null, null).ok()).isFalse();
  }

  @Test
  void exceptionKindsDriveRetryAndPause() {
    assertThat(ConnectorException.credentials(401, "x").credentialsInvalid()).isTrue();
    assertThat(ConnectorException.transientFailure(429, null, "x", null).retryable()).isTrue();
    assertThat(ConnectorException.permanent(404, "x").retryable()).isFalse();
  }
}
