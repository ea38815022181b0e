package io.qccompanion.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.qccompanion.connector.http.ManualTime;
import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.Csat;
import io.qccompanion.model.HostTeam;
import io.qccompanion.model.Message;
import io.qccompanion.model.Page;
import io.qccompanion.model.Ticket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ZendeskTicketSourceTest {
  private static final String EXPORT = "/api/v2/incremental/tickets/cursor";

  @RegisterExtension
  static WireMockExtension zendesk =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private final ManualTime time = new ManualTime(Instant.parse("2026-11-23T09:00:00Z"));

  private ZendeskTicketSource source(ConnectionSettings settings) {
    return new ZendeskTicketSource(settings, time, time, SpecValidation.HTTP);
  }

  private ZendeskTicketSource source() {
    return source(Fixtures.settings(zendesk.baseUrl(), Map.of("field.handleTime", "27642")));
  }

  /** The spec's export example, solved, with the spec's metric, user and group examples. */
  static ObjectNode exportPage(String status, boolean endOfStream) {
    ObjectNode page = SpecExamples.example("CursorBasedExportIncrementalTicketsResponseExample");
    ObjectNode ticket = (ObjectNode) page.withArray("tickets").get(0);
    ticket.put("status", status);
    ObjectNode metrics =
        (ObjectNode)
            SpecExamples.example("TicketMetricsResponseExample").get("ticket_metrics").get(0);
    metrics.put("ticket_id", ticket.get("id").asLong());
    metrics.put("reopens", 2);
    metrics.withObject("full_resolution_time_in_minutes").put("calendar", 2391);
    page.putArray("metric_sets").add(metrics);
    page.set("users", SpecExamples.example("UsersResponseExample").get("users"));
    page.set("groups", SpecExamples.example("GroupsResponseExample").get("groups"));
    page.put("end_of_stream", endOfStream);
    return page;
  }

  @Test
  void firstPageStartsFromStartTimeWithSideLoadsAndMapsTheTicket() throws Exception {
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT)).willReturn(okJson(exportPage("solved", true).toString())));

    Page page;
    try (var source = source()) {
      page = source.fetchClosedSince(Checkpoint.INITIAL, 500);
    }

    assertThat(page.tickets()).hasSize(1);
    Ticket t = page.tickets().get(0);
    assertThat(t.externalId()).isEqualTo("35436");
    assertThat(t.key()).isEqualTo("#35436");
    assertThat(t.subject()).isEqualTo("Help, my printer is on fire!");
    assertThat(t.assigneeId()).isEqualTo("235323");
    assertThat(t.assigneeAtSolveId()).isEqualTo("235323");
    assertThat(t.teamId()).isEqualTo("98738");
    assertThat(t.channel()).isEqualTo("web");
    assertThat(t.priority()).isEqualTo("high");
    assertThat(t.tags()).containsExactly("enterprise", "other_tag");
    assertThat(t.customFields()).containsEntry("27642", "745").containsEntry("27648", "yes");
    assertThat(t.handleTimeSeconds()).isEqualTo(745L);
    assertThat(t.csat()).isEqualTo(new Csat(Csat.Rating.GOOD, null, "Great support!"));
    assertThat(t.reopenCount()).isEqualTo(2);
    assertThat(t.replyCount()).isEqualTo(1);
    assertThat(t.firstReplyMinutes()).isEqualTo(16L);
    assertThat(t.resolutionMinutes()).isEqualTo(2391L);
    assertThat(t.solvedAt()).isEqualTo(Instant.parse("2020-07-20T06:21:26Z"));
    assertThat(t.url()).isEqualTo(zendesk.baseUrl() + "/agent/tickets/35436");
    assertThat(page.teams())
        .contains(
            HostTeam.builder().id("211").name("DJs").build(),
            HostTeam.builder().id("122").name("MCs").build());
    assertThat(page.done()).isTrue();
    assertThat(ExportCheckpoint.parse(page.next()))
        .isEqualTo(
            new ExportCheckpoint(
                "MTU3NjYxMzUzOS4wfHw0Njd8", Fixtures.START.getEpochSecond(), null));
    zendesk.verify(
        getRequestedFor(urlPathEqualTo(EXPORT))
            .withQueryParam("start_time", equalTo(Long.toString(Fixtures.START.getEpochSecond())))
            .withQueryParam("per_page", equalTo("1000"))
            .withQueryParam("include", equalTo("metric_sets,users,groups"))
            .withQueryParam("cursor", absent())
            .withHeader("Authorization", equalTo(basic())));
  }

  @Test
  void readsEveryConversationInBulkWithTheTicketEventExport() throws Exception {
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT)).willReturn(okJson(exportPage("solved", true).toString())));
    ObjectNode events = SpecExamples.example("ExportIncrementalTicketEventsResponseExample");
    ObjectNode audit = events.withArray("ticket_events").addObject();
    audit.put("id", 926256957614L).put("ticket_id", 35436).put("timestamp", 1601357503);
    audit.put("event_type", "Audit");
    // The comment child event as the endpoint's description shows it (include=comment_events).
    ObjectNode comment = audit.putArray("child_events").addObject();
    comment.put("id", 91048994488L).put("type", "Comment").put("event_type", "Comment");
    comment.put("author_id", 5031726587L).put("body", "This is a comment").put("public", true);
    comment.put("html_body", "<div class=\"zd-comment\"><p dir=\"auto\">This is a comment</p>");
    comment.put("audit_id", 91048994468L).put("created_at", "2009-06-25T10:15:18Z");
    comment
        .putArray("attachments")
        .addObject()
        .put("file_name", "screenshot.png")
        .put("size", 2532)
        .put(
            "content_url",
            "https://company.zendesk.com/attachments/token/vZSb/?name=screenshot.png");
    // Another ticket's comment (not in this page) travels in Page.conversations.
    ObjectNode other = events.withArray("ticket_events").addObject();
    other.put("id", 926256957615L).put("ticket_id", 99).put("timestamp", 1601357503);
    other
        .putArray("child_events")
        .addObject()
        .put("id", 7L)
        .put("event_type", "Comment")
        .put("body", "still open")
        .put("public", false)
        .put("created_at", "2009-06-25T10:16:00Z");
    zendesk.stubFor(
        get(urlPathEqualTo("/api/v2/incremental/ticket_events"))
            .willReturn(okJson(events.toString())));

    Page page;
    try (var source =
        source(Fixtures.settings(zendesk.baseUrl(), Map.of("conversations", "true")))) {
      page = source.fetchClosedSince(Checkpoint.INITIAL, 500);
    }

    Ticket t = page.tickets().get(0);
    assertThat(t.conversation())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.id()).isEqualTo("91048994488");
              assertThat(m.body()).isEqualTo("This is a comment");
              assertThat(m.html()).contains("<p dir=\"auto\">This is a comment</p>");
              assertThat(m.publicMessage()).isTrue();
              assertThat(m.attachmentNames()).containsExactly("screenshot.png");
              assertThat(m.attachments())
                  .containsExactly(
                      new io.qccompanion.model.Message.Attachment(
                          "screenshot.png",
                          2532L,
                          "https://company.zendesk.com/attachments/token/vZSb/?name=screenshot.png"));
              assertThat(m.createdAt()).isEqualTo(Instant.parse("2009-06-25T10:15:18Z"));
            });
    assertThat(page.conversations().get("99"))
        .singleElement()
        .extracting(Message::body)
        .isEqualTo("still open");
    long lookback = Fixtures.START.getEpochSecond() - Duration.ofDays(30).toSeconds();
    // End of stream: the next read starts again where this one did or at its last event.
    assertThat(ExportCheckpoint.parse(page.next()).eventsTime()).isEqualTo(lookback);
    zendesk.verify(
        getRequestedFor(urlPathEqualTo("/api/v2/incremental/ticket_events"))
            .withQueryParam("start_time", equalTo(Long.toString(lookback)))
            .withQueryParam("include", equalTo("comment_events")));
  }

  @Test
  void resumesWithTheCursorOfTheCheckpointAndNoStartTime() throws Exception {
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT)).willReturn(okJson(exportPage("closed", false).toString())));
    Checkpoint from = new ExportCheckpoint("abc", 1_700_000_000L, null).toCheckpoint();

    Page page;
    try (var source = source()) {
      page = source.fetchClosedSince(from, 500);
    }

    assertThat(page.done()).isFalse();
    assertThat(page.tickets()).extracting(Ticket::status).containsExactly("closed");
    zendesk.verify(
        getRequestedFor(urlPathEqualTo(EXPORT))
            .withQueryParam("cursor", equalTo("abc"))
            .withQueryParam("start_time", absent()));
  }

  @Test
  void skipsOpenAndDeletedTicketsButStillAdvances() throws Exception {
    ObjectNode body = exportPage("open", true);
    ObjectNode deleted = (ObjectNode) body.withArray("tickets").get(0).deepCopy();
    deleted.put("id", 1).put("status", "deleted").putNull("assignee_id");
    body.withArray("tickets").add(deleted);
    zendesk.stubFor(get(urlPathEqualTo(EXPORT)).willReturn(okJson(body.toString())));

    Page page;
    try (var source = source()) {
      page = source.fetchClosedSince(Checkpoint.INITIAL, 500);
    }

    assertThat(page.tickets()).isEmpty();
    assertThat(ExportCheckpoint.parse(page.next()).cursor()).isEqualTo("MTU3NjYxMzUzOS4wfHw0Njd8");
  }

  @Test
  void countsAsClosedWhateverStatusesTheConnectionConfigures() throws Exception {
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT)).willReturn(okJson(exportPage("pending", true).toString())));
    ConnectionSettings base = Fixtures.settings(zendesk.baseUrl(), Map.of());
    ConnectionSettings settings =
        ConnectionSettings.builder()
            .connectionId(base.connectionId())
            .name(base.name())
            .host(base.host())
            .baseUrl(base.baseUrl())
            .auth(base.auth())
            .closedStatuses(java.util.List.of("pending"))
            .startFrom(base.startFrom())
            .companionUrl(base.companionUrl())
            .options(base.options())
            .build();

    try (var source = source(settings)) {
      assertThat(source.fetchClosedSince(Checkpoint.INITIAL, 1).tickets()).hasSize(1);
    }
  }

  @Test
  void retriesAfter429HonouringRetryAfter() throws Exception {
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT))
            .inScenario("limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("ok"));
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT))
            .inScenario("limit")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(exportPage("solved", true).toString())));

    try (var source = source()) {
      assertThat(source.fetchClosedSince(Checkpoint.INITIAL, 1).tickets()).hasSize(1);
      assertThat(source.requestCount()).isEqualTo(2);
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void backsOffExponentiallyOn5xxThenReportsATransientFailure() {
    zendesk.stubFor(get(urlPathEqualTo(EXPORT)).willReturn(aResponse().withStatus(503)));

    ConnectorException e;
    try (var source = source()) {
      e =
          catchThrowableOfType(
              ConnectorException.class, () -> source.fetchClosedSince(Checkpoint.INITIAL, 1));
    }

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.getMessage()).contains("acme");
    zendesk.verify(5, getRequestedFor(urlPathEqualTo(EXPORT)));
    // 500 ms base doubling, jittered into [50%, 100%] of each step.
    assertThat(time.sleeps()).hasSize(4);
    for (int i = 0; i < 4; i++) {
      long step = 500L << i;
      assertThat(time.sleeps().get(i).toMillis()).isBetween(step / 2, step);
    }
  }

  @Test
  void retriesMalformedJsonThenReportsItWithoutReturningHalfAPage() {
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT))
            .willReturn(okJson("{\"tickets\": [{\"id\": 1, \"status\": \"sol")));

    ConnectorException e;
    try (var source = source()) {
      e =
          catchThrowableOfType(
              ConnectorException.class, () -> source.fetchClosedSince(Checkpoint.INITIAL, 1));
    }

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("malformed JSON");
    zendesk.verify(5, getRequestedFor(urlPathEqualTo(EXPORT)));
  }

  @Test
  void recoversWhenAMalformedPageIsFollowedByAGoodOne() throws Exception {
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT))
            .inScenario("bad")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("{\"tickets\": ["))
            .willSetStateTo("good"));
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT))
            .inScenario("bad")
            .whenScenarioStateIs("good")
            .willReturn(okJson(exportPage("solved", true).toString())));

    try (var source = source()) {
      assertThat(source.fetchClosedSince(Checkpoint.INITIAL, 1).tickets()).hasSize(1);
    }
  }

  @Test
  void reportsAnUnreadableTicketInsteadOfReturningHalfAPage() {
    ObjectNode body = exportPage("solved", true);
    ((ObjectNode) body.withArray("tickets").get(0)).remove("updated_at");
    zendesk.stubFor(get(urlPathEqualTo(EXPORT)).willReturn(okJson(body.toString())));

    ConnectorException e;
    try (var source = source()) {
      e =
          catchThrowableOfType(
              ConnectorException.class, () -> source.fetchClosedSince(Checkpoint.INITIAL, 1));
    }

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage()).contains("unreadable ticket");
  }

  @Test
  void rejectedApiTokenBecomesACredentialsFailureNamingTheConnection() {
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT))
            .willReturn(
                aResponse().withStatus(401).withBody("{\"error\":\"Couldn't authenticate you\"}")));

    ConnectorException e;
    try (var source = source()) {
      e =
          catchThrowableOfType(
              ConnectorException.class, () -> source.fetchClosedSince(Checkpoint.INITIAL, 1));
    }

    assertThat(e.credentialsInvalid()).isTrue();
    assertThat(e.getMessage())
        .startsWith(
            "Zendesk rejected the API token for "
                + hostPort()
                + " (401): check the token in connection 'acme'")
        .doesNotContain(Fixtures.TOKEN);
    zendesk.verify(1, getRequestedFor(urlPathEqualTo(EXPORT)));
  }

  @Test
  void forbiddenBecomesACredentialsFailureAskingForAnAdmin() {
    zendesk.stubFor(get(urlPathEqualTo(EXPORT)).willReturn(aResponse().withStatus(403)));

    ConnectorException e;
    try (var source = source()) {
      e =
          catchThrowableOfType(
              ConnectorException.class, () -> source.fetchClosedSince(Checkpoint.INITIAL, 1));
    }

    assertThat(e.credentialsInvalid()).isTrue();
    assertThat(e.getMessage()).contains("(403)").contains("admin");
  }

  @Test
  void sendsOAuthTokensAsBearer() throws Exception {
    zendesk.stubFor(
        get(urlPathEqualTo(EXPORT)).willReturn(okJson(exportPage("solved", true).toString())));

    try (var source = source(Fixtures.bearer(zendesk.baseUrl()))) {
      source.fetchClosedSince(Checkpoint.INITIAL, 1);
    }

    zendesk.verify(
        getRequestedFor(urlPathEqualTo(EXPORT))
            .withHeader("Authorization", equalTo("Bearer " + Fixtures.TOKEN)));
  }

  @Test
  void waitsProactivelyToStayWithinTheExportRateLimit() throws Exception {
    ObjectNode body = exportPage("solved", false);
    zendesk.stubFor(get(urlPathEqualTo(EXPORT)).willReturn(okJson(body.toString())));
    ConnectionSettings settings =
        Fixtures.settings(zendesk.baseUrl(), Map.of("export.requestsPerMinute", "3"));

    try (var source = source(settings)) {
      for (int i = 0; i < 4; i++) source.fetchClosedSince(Checkpoint.INITIAL, 1);
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(1));
    zendesk.verify(4, getRequestedFor(urlPathEqualTo(EXPORT)));
  }

  private String hostPort() {
    return "localhost:" + zendesk.getPort();
  }

  static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (Fixtures.EMAIL + "/token:" + Fixtures.TOKEN).getBytes(StandardCharsets.UTF_8));
  }
}
