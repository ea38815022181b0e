package io.qccompanion.connector.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.qccompanion.model.WriteResult;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CommentFallbackTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  final Fixtures fixtures = new Fixtures();

  @Test
  void fallsBackToLabelsAndScoreFieldWhenJiraAnswers400ToTheComment() throws Exception {
    wm.stubFor(
        get("/rest/api/3/issue/SUP-9/properties/qc-companion")
            .willReturn(aResponse().withStatus(404).withBody("{\"errorMessages\":[\"none\"]}")));
    wm.stubFor(
        get(urlPathEqualTo("/rest/api/3/issue/SUP-9/comment"))
            .willReturn(okJson("{\"startAt\":0,\"maxResults\":100,\"total\":0,\"comments\":[]}")));
    wm.stubFor(
        post("/rest/api/3/issue/SUP-9/comment")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"errorMessages\":[\"Comments are disabled in Done\"],\"errors\":{}}")));
    wm.stubFor(put("/rest/api/3/issue/SUP-9").willReturn(aResponse().withStatus(204)));
    wm.stubFor(
        put("/rest/api/3/issue/SUP-9/properties/qc-companion")
            .willReturn(aResponse().withStatus(201)));
    var settings =
        Fixtures.cloud(
            wm.baseUrl(),
            Map.of(
                "field.score",
                "customfield_10200",
                "visibility.type",
                "group",
                "visibility.value",
                "support-agents"));

    WriteResult result;
    try (JiraSink sink = fixtures.provider.openSink(settings, Clock.systemUTC())) {
      result = sink.publish(WriteBackTest.note("SUP-9", 1, false));
    }

    assertThat(result.outcome()).isEqualTo(WriteResult.Outcome.FELL_BACK);
    assertThat(result.detail()).contains("(400").contains("Comments are disabled in Done");
    wm.verify(
        postRequestedFor(urlEqualTo("/rest/api/3/issue/SUP-9/comment"))
            .withRequestBody(matchingJsonPath("$.visibility.type", equalTo("group")))
            .withRequestBody(matchingJsonPath("$.visibility.value", equalTo("support-agents")))
            .withRequestBody(matchingJsonPath("$.body.type", equalTo("doc"))));
    wm.verify(
        putRequestedFor(urlEqualTo("/rest/api/3/issue/SUP-9"))
            .withRequestBody(matchingJsonPath("$.update.labels[0].add", equalTo("qc-graded")))
            .withRequestBody(matchingJsonPath("$.update.labels[1].add", equalTo("qc-fail")))
            .withRequestBody(matchingJsonPath("$.fields.customfield_10200", containing("62.5")))
            // The key-only issue property travels in the same edit (two requests per note).
            .withRequestBody(matchingJsonPath("$.properties[0].key", equalTo("qc-companion")))
            .withRequestBody(
                matchingJsonPath("$.properties[0].value.notes[0].key", equalTo("qc-ev42-r1"))));
  }
}
