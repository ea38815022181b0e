package io.qccompanion.connector.jira;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.Page;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  final Fixtures fixtures = new Fixtures();

  @BeforeEach
  void stubUserAndStatuses() {
    wm.stubFor(get("/rest/api/3/myself").willReturn(okJson("{\"timeZone\":\"UTC\"}")));
    wm.stubFor(get("/rest/api/3/status").willReturn(okJson("[]")));
  }

  private Page fetch() throws ConnectorException {
    try (JiraSource source =
        fixtures.provider.openSource(Fixtures.cloud(wm.baseUrl(), Map.of()), Clock.systemUTC())) {
      return source.fetchClosedSince(Checkpoint.INITIAL, 50);
    }
  }

  private void searchAnswers(
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
    String state = Scenario.STARTED;
    for (int i = 0; i < answers.length; i++) {
      String next = "answer-" + (i + 1);
      wm.stubFor(
          post("/rest/api/3/search/jql")
              .inScenario("search")
              .whenScenarioStateIs(state)
              .willSetStateTo(next)
              .willReturn(answers[i]));
      state = next;
    }
  }

  @Test
  void retriesAfter429HonouringRetryAfter() throws Exception {
    searchAnswers(
        aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "7")
            .withHeader("RateLimit-Reason", "jira-quota-tenant-based"),
        okJson("{\"issues\":[],\"isLast\":true}"));

    Page page = fetch();

    assertThat(page.done()).isTrue();
    assertThat(fixtures.sleeps).containsExactly(Duration.ofSeconds(7));
    wm.verify(2, postRequestedFor(urlEqualTo("/rest/api/3/search/jql")));
  }

  @Test
  void gives5xxABoundedExponentialBackoffThenReportsATransientFailure() {
    wm.stubFor(post("/rest/api/3/search/jql").willReturn(aResponse().withStatus(503)));

    ConnectorException e = catchThrowableOfType(ConnectorException.class, this::fetch);

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isEqualTo(503);
    assertThat(fixtures.sleeps).hasSize(4);
    for (int i = 0; i < 4; i++) {
      long cap = 500L << i;
      assertThat(fixtures.sleeps.get(i).toMillis()).isBetween(cap / 2, cap);
    }
    wm.verify(5, postRequestedFor(urlEqualTo("/rest/api/3/search/jql")));
  }

  @Test
  void retriesMalformedJsonAndRecovers() throws Exception {
    searchAnswers(okJson("{\"issues\":[{\"id\":\"1\""), okJson("{\"issues\":[],\"isLast\":true}"));

    assertThat(fetch().done()).isTrue();
    wm.verify(2, postRequestedFor(urlEqualTo("/rest/api/3/search/jql")));
  }

  @Test
  void reportsPersistentMalformedJsonInsteadOfHalfAPage() {
    wm.stubFor(post("/rest/api/3/search/jql").willReturn(okJson("{\"issues\":[{\"id\":")));

    ConnectorException e = catchThrowableOfType(ConnectorException.class, this::fetch);

    assertThat(e.retryable()).isTrue();
    assertThat(e).hasMessageContaining("malformed JSON");
  }

  @Test
  void turns401IntoACredentialsFailureNamingTheConnection() {
    wm.stubFor(
        post("/rest/api/3/search/jql")
            .willReturn(aResponse().withStatus(401).withBody("{\"errorMessages\":[\"nope\"]}")));

    ConnectorException e = catchThrowableOfType(ConnectorException.class, this::fetch);

    assertThat(e.credentialsInvalid()).isTrue();
    assertThat(e)
        .hasMessage(
            "Jira rejected the API token for localhost (401): check the token in connection 'acme'")
        .hasMessageNotContaining("sim-api-token");
    wm.verify(1, postRequestedFor(urlEqualTo("/rest/api/3/search/jql")));
  }
}
