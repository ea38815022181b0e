package io.qccompanion.connector.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.qccompanion.connector.http.ManualTime;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.WriteResult;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ZendeskFeedbackSinkTest {
  private static final String TICKET = "/api/v2/tickets/35436";
  private static final String COMMENTS = TICKET + "/comments";

  @RegisterExtension
  static WireMockExtension zendesk =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private final ManualTime time = new ManualTime(Instant.parse("2026-11-23T09:00:00Z"));
  private final FeedbackNote note = FeedbackNotes.failing("35436", "qc-e7-r1");

  private ZendeskFeedbackSink sink() {
    return new ZendeskFeedbackSink(
        Fixtures.settings(
            zendesk.baseUrl(), Map.of("field.score", "360001", "field.status", "360002")),
        time,
        time,
        SpecValidation.HTTP);
  }

  private static ObjectNode commentsWith(String htmlBody) {
    ObjectNode body = SpecExamples.example("TicketCommentsResponseExample");
    ((ObjectNode) body.withArray("comments").get(0)).put("html_body", htmlBody);
    return body;
  }

  @Test
  void publishesOneInternalNoteWithFieldsAndTagsInOnePut() throws Exception {
    zendesk.stubFor(
        get(urlPathEqualTo(COMMENTS)).willReturn(okJson(commentsWith("<p>hi</p>").toString())));
    zendesk.stubFor(
        put(urlPathEqualTo(TICKET))
            .willReturn(okJson(SpecExamples.example("TicketUpdateResponseExample").toString())));

    WriteResult result;
    try (var sink = sink()) {
      result = sink.publish(note);
    }

    assertThat(result)
        .isEqualTo(
            new WriteResult(WriteResult.Outcome.WRITTEN, "206091192547", "internal note added"));
    zendesk.verify(
        putRequestedFor(urlPathEqualTo(TICKET))
            .withHeader("Content-Type", containing("application/json")));
    JsonNode ticket = sentTicket();
    assertThat(ticket.path("custom_fields"))
        .isEqualTo(
            ZendeskHttp.JSON.readTree(
                "[{\"id\":360001,\"value\":62.5},{\"id\":360002,\"value\":\"qc_fail\"}]"));
    assertThat(ticket.path("additional_tags"))
        .isEqualTo(ZendeskHttp.JSON.readTree("[\"qc_graded\",\"qc_fail\"]"));
    assertThat(ticket.path("comment").path("public").asBoolean(true)).isFalse();
    String html = sentHtml();
    assertThat(html)
        .contains("62.5%")
        .contains("Fail")
        .contains("Critical fail")
        .contains("Email &lt;Support&gt; v3")
        .contains("Didn&#39;t read the &lt;history&gt;")
        .contains("14 &quot;calendar&quot; days")
        .contains("Dana O&#39;Neil")
        .contains("href=\"https://qc.example.com/evaluations/e7?rev=1&amp;tab=answers\"")
        .contains("qc-note:qc-e7-r1")
        .doesNotContain("<Support>")
        .doesNotContain("<history>");
  }

  @Test
  void findsANoteAlreadyOnTheTicketAndCompletesOnlyItsTagsAndFields() throws Exception {
    zendesk.stubFor(
        get(urlPathEqualTo(COMMENTS))
            .willReturn(
                okJson(
                    commentsWith("<p>older</p><p><small>qc-note:qc-e7-r1</small></p>")
                        .toString())));
    zendesk.stubFor(put(urlPathEqualTo(TICKET)).willReturn(okJson("{\"ticket\":{}}")));

    WriteResult result;
    try (var sink = sink()) {
      result = sink.publish(note);
    }

    assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.ALREADY_PRESENT);
    assertThat(result.hostReference()).isEqualTo("1274");
    zendesk.verify(
        1,
        putRequestedFor(urlPathEqualTo(TICKET))
            .withRequestBody(matchingJsonPath("$.ticket.additional_tags[0]", equalTo("qc_graded")))
            .withRequestBody(notContaining("\"comment\"")));
  }

  @Test
  void followsCommentPagesWhenLookingForTheMarker() throws Exception {
    ObjectNode first = commentsWith("<p>no marker</p>");
    first.put("next_page", zendesk.baseUrl() + COMMENTS + ".json?page=2");
    zendesk.stubFor(
        get(urlPathEqualTo(COMMENTS))
            .withQueryParam("include", equalTo("users"))
            .willReturn(okJson(first.toString())));
    zendesk.stubFor(
        get(urlPathEqualTo(COMMENTS + ".json"))
            .willReturn(okJson(commentsWith("<small>qc-note:qc-e7-r1</small>").toString())));

    try (var sink = sink()) {
      assertThat(sink.find(note))
          .map(WriteResult::outcome)
          .contains(WriteResult.Outcome.ALREADY_PRESENT);
    }
    zendesk.verify(
        getRequestedFor(urlPathEqualTo(COMMENTS + ".json")).withQueryParam("page", equalTo("2")));
  }

  @Test
  void fallsBackToTheTagsEndpointWhenZendeskRefusesAClosedTicket() throws Exception {
    zendesk.stubFor(
        get(urlPathEqualTo(COMMENTS)).willReturn(okJson(commentsWith("<p>hi</p>").toString())));
    zendesk.stubFor(
        put(urlPathEqualTo(TICKET))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody(
                        "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                            + "\"details\":{\"status\":[{\"description\":\"Status: closed prevents"
                            + " ticket update\"}]}}")));
    zendesk.stubFor(
        put(urlPathEqualTo(TICKET + "/tags"))
            .willReturn(okJson("{\"tags\":[\"enterprise\",\"qc_graded\",\"qc_fail\"]}")));

    WriteResult result;
    try (var sink = sink()) {
      result = sink.publish(note);
    }

    assertThat(result)
        .isEqualTo(
            new WriteResult(
                WriteResult.Outcome.FELL_BACK,
                null,
                "ticket is closed; note kept on the companion"));
    zendesk.verify(
        putRequestedFor(urlPathEqualTo(TICKET + "/tags"))
            .withRequestBody(equalToJson("{\"tags\":[\"qc_graded\",\"qc_fail\"]}")));
  }

  @Test
  void reportsOtherValidationErrorsAsPermanent() {
    zendesk.stubFor(
        get(urlPathEqualTo(COMMENTS)).willReturn(okJson(commentsWith("<p>hi</p>").toString())));
    zendesk.stubFor(
        put(urlPathEqualTo(TICKET))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody(
                        "{\"error\":\"RecordInvalid\",\"description\":\"Field 360001 is invalid\"}")));

    ConnectorException e;
    try (var sink = sink()) {
      e = catchThrowableOfType(ConnectorException.class, () -> sink.publish(note));
    }

    assertThat(e.kind()).isEqualTo(ConnectorException.Kind.PERMANENT);
    assertThat(e.status()).isEqualTo(422);
  }

  @Test
  void doesNotRetryAPutWhoseOutcomeIsUnknown() {
    zendesk.stubFor(
        get(urlPathEqualTo(COMMENTS)).willReturn(okJson(commentsWith("<p>hi</p>").toString())));
    zendesk.stubFor(put(urlPathEqualTo(TICKET)).willReturn(aResponse().withStatus(502)));

    ConnectorException e;
    try (var sink = sink()) {
      e = catchThrowableOfType(ConnectorException.class, () -> sink.publish(note));
    }

    assertThat(e.retryable()).isTrue();
    zendesk.verify(1, putRequestedFor(urlPathEqualTo(TICKET)));
  }

  private static JsonNode sentTicket() throws Exception {
    String body = zendesk.findAll(putRequestedFor(urlPathEqualTo(TICKET))).get(0).getBodyAsString();
    return ZendeskHttp.JSON.readTree(body).path("ticket");
  }

  private static String sentHtml() throws Exception {
    return sentTicket().path("comment").path("html_body").asText();
  }
}
