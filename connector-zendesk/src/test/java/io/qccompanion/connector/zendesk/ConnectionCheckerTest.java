package io.qccompanion.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.qccompanion.connector.http.ManualTime;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.model.ConnectionCheck.Problem;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectionCheckerTest {
  private static final String ME = "/api/v2/users/me";
  private static final String TICKETS = "/api/v2/tickets";
  private static final String EXPORT = "/api/v2/incremental/tickets/cursor";

  @RegisterExtension
  static WireMockExtension zendesk =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private final ManualTime time = new ManualTime(Instant.parse("2026-11-23T09:00:00Z"));

  private ConnectionCheck check() {
    try (var source =
        new ZendeskTicketSource(
            Fixtures.settings(zendesk.baseUrl(), Map.of()), time, time, SpecValidation.HTTP)) {
      return source.check();
    }
  }

  /** The spec's users/me example, as an active admin unless changed. */
  private static ObjectNode me(String role, boolean suspended) {
    ObjectNode body = SpecExamples.example("CurrentUserResponseExample");
    ((ObjectNode) body.get("user")).put("role", role).put("suspended", suspended);
    return body;
  }

  private static void ticketsAndExportOk() {
    zendesk.stubFor(
        get(urlPathEqualTo(TICKETS))
            .willReturn(okJson(SpecExamples.example("TicketsResponseExample").toString())));
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT))
            .willReturn(
                okJson(
                    SpecExamples.example("CursorBasedExportIncrementalTicketsResponseExample")
                        .toString())));
  }

  @Test
  void passesForAnActiveAdminAndReportsTheTimeZone() {
    zendesk.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson(me("admin", false).toString())));
    ticketsAndExportOk();

    ConnectionCheck check = check();

    assertThat(check.ok()).as(check.toString()).isTrue();
    assertThat(check.timeZone()).isEqualTo("Copenhagen");
    assertThat(check.items())
        .extracting(ConnectionCheck.Item::name)
        .containsExactly("credentials", "read tickets", "incremental export", "time zone");
    assertThat(check.items().get(0).detail())
        .isEqualTo("authenticated as Johnny Agent <johnny@example.com>, role admin");
    zendesk.verify(
        getRequestedFor(urlPathEqualTo(TICKETS)).withQueryParam("per_page", equalTo("1")));
    zendesk.verify(
        getRequestedFor(urlPathEqualTo(EXPORT))
            .withQueryParam("per_page", equalTo("1"))
            .withQueryParam(
                "start_time",
                equalTo(Long.toString(time.instant().minusSeconds(3600).getEpochSecond()))));
  }

  @Test
  void failsForASuspendedApiUserRecommendingAServiceAccount() {
    zendesk.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson(me("admin", true).toString())));
    ticketsAndExportOk();

    ConnectionCheck check = check();

    assertThat(check.ok()).isFalse();
    assertThat(check.items().get(0).ok()).isFalse();
    assertThat(check.items().get(0).detail())
        .contains("deactivated or suspended")
        .contains("dedicated, active admin service account");
  }

  @Test
  void explainsThatAnAgentCannotUseTheExport() {
    zendesk.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson(me("agent", false).toString())));
    zendesk.stubFor(
        get(urlPathEqualTo(TICKETS))
            .willReturn(okJson(SpecExamples.example("TicketsResponseExample").toString())));
    zendesk.stubFor(get(urlPathEqualTo(EXPORT)).willReturn(aResponse().withStatus(403)));

    ConnectionCheck check = check();

    assertThat(check.ok()).isFalse();
    assertThat(check.items().get(0).detail()).endsWith("(the incremental export needs an admin)");
    assertThat(check.items().get(2).ok()).isFalse();
    assertThat(check.items().get(2).detail()).contains("(403)");
  }

  @Test
  void stopsAfterRejectedCredentialsWithoutFurtherRequests() {
    zendesk.stubFor(get(urlPathEqualTo(ME)).willReturn(aResponse().withStatus(401)));

    ConnectionCheck check = check();

    assertThat(check.items()).extracting(ConnectionCheck.Item::ok).containsOnly(false);
    assertThat(check.items().get(0).detail()).startsWith("Zendesk rejected the API token");
    zendesk.verify(0, getRequestedFor(urlPathEqualTo(TICKETS)));
    zendesk.verify(0, getRequestedFor(urlPathEqualTo(EXPORT)));
  }

  @Test
  void typesRejectedCredentialsWithWhereToCreateAToken() {
    zendesk.stubFor(get(urlPathEqualTo(ME)).willReturn(aResponse().withStatus(401)));

    ConnectionCheck check = check();

    assertThat(check.items())
        .extracting(ConnectionCheck.Item::problem)
        .containsOnly(Problem.CREDENTIALS);
    assertThat(check.items().get(0).action()).contains("Zendesk API").contains("connection 'acme'");
    assertThat(check.items().get(1).action()).contains("credentials problem first");
  }

  @Test
  void typesAnAnonymousAnswerAsCredentials() {
    ObjectNode anonymous = me("end-user", false);
    ((ObjectNode) anonymous.get("user")).putNull("id");
    zendesk.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson(anonymous.toString())));
    ticketsAndExportOk();

    ConnectionCheck.Item credentials = check().items().get(0);

    assertThat(credentials.problem()).isEqualTo(Problem.CREDENTIALS);
    assertThat(credentials.detail()).contains("anonymous");
    assertThat(credentials.action()).contains("e-mail");
  }

  @Test
  void typesAnEndUserAndAnAgentsExportRefusalAsPermission() {
    zendesk.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson(me("end-user", false).toString())));
    zendesk.stubFor(
        get(urlPathEqualTo(TICKETS))
            .willReturn(okJson(SpecExamples.example("TicketsResponseExample").toString())));
    zendesk.stubFor(get(urlPathEqualTo(EXPORT)).willReturn(aResponse().withStatus(403)));

    ConnectionCheck check = check();

    assertThat(check.items().get(0).problem()).isEqualTo(Problem.PERMISSION);
    assertThat(check.items().get(0).action()).contains("admin");
    assertThat(check.items().get(2).problem()).isEqualTo(Problem.PERMISSION);
    assertThat(check.items().get(2).action()).contains("incremental export is for admins");
    zendesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)));
  }

  @Test
  void typesA404OnUsersMeAsAnUnknownSubdomainAndStops() {
    zendesk.stubFor(
        get(urlPathEqualTo(ME))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":\"InvalidEndpoint\",\"description\":\"Not found\"}")));

    ConnectionCheck check = check();

    assertThat(check.items().get(0).problem()).isEqualTo(Problem.ACCOUNT_NOT_FOUND);
    assertThat(check.items().get(0).action()).contains("subdomain");
    assertThat(check.items()).extracting(ConnectionCheck.Item::ok).containsOnly(false);
    zendesk.verify(0, getRequestedFor(urlPathEqualTo(TICKETS)));
  }

  @Test
  void typesNoAnswerAsNetworkAfterRetrying() {
    zendesk.stubFor(
        get(urlPathEqualTo(ME)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    ConnectionCheck check = check();

    assertThat(check.items().get(0).problem()).isEqualTo(Problem.NETWORK);
    assertThat(check.items().get(0).detail()).contains("no answer from Zendesk");
    assertThat(check.items().get(0).action()).contains("proxy");
    zendesk.verify(5, getRequestedFor(urlPathEqualTo(ME)));
    zendesk.verify(0, getRequestedFor(urlPathEqualTo(TICKETS)));
  }

  @Test
  void typesARetryAfterBeyondTheCapAsRateLimitWithTheWait() {
    zendesk.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson(me("admin", false).toString())));
    zendesk.stubFor(
        get(urlPathEqualTo(TICKETS))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "600")));
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT))
            .willReturn(
                okJson(
                    SpecExamples.example("CursorBasedExportIncrementalTicketsResponseExample")
                        .toString())));

    ConnectionCheck.Item tickets = check().items().get(1);

    assertThat(tickets.problem()).isEqualTo(Problem.RATE_LIMIT);
    assertThat(tickets.action()).startsWith("Wait 600 s").contains("http.requestsPerMinute");
  }

  @Test
  void typesA5xxAsAHostErrorAndStillChecksTheRest() {
    zendesk.stubFor(get(urlPathEqualTo(ME)).willReturn(aResponse().withStatus(503)));
    ticketsAndExportOk();

    ConnectionCheck check = check();

    assertThat(check.items().get(0).problem()).isEqualTo(Problem.HOST_ERROR);
    assertThat(check.items().get(0).action()).contains("status.zendesk.com");
    assertThat(check.items().get(1).ok()).isTrue();
    assertThat(check.items().get(3).problem()).isEqualTo(Problem.CONFIGURATION);
  }
}
