package io.qccompanion.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpiContractTest {

  @Test
  void authNeverPrintsTheSecret() {
    var auth =
        new ConnectionSettings.Auth(ConnectionSettings.Auth.Kind.API_TOKEN, "a@b.c", "s3cr3t");
    var settings =
        new ConnectionSettings(
            "c1", "acme", Host.ZENDESK, "https://acme.zendesk.com", auth, null, null, null, null);
    assertThat(settings.toString()).doesNotContain("s3cr3t").contains("***");
  }

  @Test
  void ticketCopiesCollectionsAndDefaultsCsat() {
    var tags = new java.util.ArrayList<>(List.of("billing"));
    var ticket =
        new Ticket(
            Host.JIRA,
            "c1",
            "10001",
            "SUP-1",
            "s",
            "Done",
            "email",
            null,
            "u1",
            "u1",
            null,
            null,
            tags,
            null,
            Instant.EPOCH,
            Instant.EPOCH,
            Instant.EPOCH,
            0,
            1,
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            null);
    tags.add("changed");
    assertThat(ticket.tags()).containsExactly("billing");
    assertThat(ticket.csat().rated()).isFalse();
  }

  @Test
  void ticketRequiresIdentityAndVersion() {
    assertThatThrownBy(
            () ->
                new Ticket(
                    Host.JIRA,
                    "c1",
                    " ",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    Instant.EPOCH,
                    null,
                    0,
                    0,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
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
