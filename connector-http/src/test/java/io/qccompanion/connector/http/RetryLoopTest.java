package io.qccompanion.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.RequestObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryLoopTest {
  @RegisterExtension
  static WireMockExtension host =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private final ManualTime time = new ManualTime(Instant.parse("2026-12-02T09:00:00Z"));
  private final List<String> observed = new CopyOnWriteArrayList<>();
  private final RequestObserver observer =
      (connection, endpoint, status, latency) ->
          observed.add(connection + " " + endpoint + " " + status);
  private final OkHttpClient client =
      new OkHttpClient.Builder()
          .retryOnConnectionFailure(false)
          .readTimeout(Duration.ofSeconds(5))
          .addInterceptor(new RequestMetrics("c1", observer, RequestMetrics.NUMERIC_ID))
          .build();

  private RetryLoop loop(RequestBudget budget) {
    return new RetryLoop(
        client,
        "Acme host.example (connection 'acme')",
        new RetryLoop.Policy(
            4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60)),
        budget,
        time,
        new Random(7),
        RetryLoop.Listener.NONE);
  }

  private final RetryLoop.Reader<String> text =
      reply -> {
        if (!reply.ok()) throw ConnectorException.permanent(reply.status(), "refused");
        if (reply.body().startsWith("<")) throw new RetryLoop.Malformed("malformed JSON", null);
        return reply.body();
      };

  @Test
  void retriesAfter429HonouringRetryAfterAndHoldsTheRestOfTheConnection() throws Exception {
    host.stubFor(
        get(urlEqualTo("/tickets/42.json"))
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
            .willSetStateTo("ok"));
    host.stubFor(
        get(urlEqualTo("/tickets/42.json"))
            .inScenario("limit")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withBody("{}")));
    RequestBudget budget = new RequestBudget(0, 0, time, time);

    String body = loop(budget).send(request("/tickets/42.json"), true, text);

    assertThat(body).isEqualTo("{}");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(observed).containsExactly("c1 GET /tickets/{id} 429", "c1 GET /tickets/{id} 200");
    host.verify(2, getRequestedFor(urlEqualTo("/tickets/42.json")));
  }

  @Test
  void aRetryAfterLongerThanTheCapIsThrownWithItsWait() {
    host.stubFor(
        get(urlEqualTo("/export"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "600")
                    .withHeader("RateLimit-Reason", "jira-quota-global-based")));

    ConnectorException e =
        catchThrowableOfType(
            ConnectorException.class,
            () -> loop(new RequestBudget(0, 0, time, time)).send(request("/export"), true, text));

    assertThat(e.retryable()).isTrue();
    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(600));
    assertThat(e).hasMessageContaining("connection 'acme'").hasMessageContaining("jira-quota");
    assertThat(time.sleeps()).isEmpty();
    host.verify(1, getRequestedFor(urlEqualTo("/export")));
  }

  @Test
  void neverResendsANonIdempotentRequestAfter5xx() {
    host.stubFor(post(urlEqualTo("/comment")).willReturn(aResponse().withStatus(503)));

    ConnectorException e =
        catchThrowableOfType(
            ConnectorException.class,
            () ->
                loop(new RequestBudget(0, 0, time, time))
                    .send(postRequest("/comment"), false, text));

    assertThat(e.isOutcomeUnknown()).isTrue();
    assertThat(e).hasMessageStartingWith("Outcome unknown, look before retrying");
    host.verify(1, postRequestedFor(urlEqualTo("/comment")));
  }

  @Test
  void neverResendsANonIdempotentRequestAfterADrop() {
    host.stubFor(
        post(urlEqualTo("/comment"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    ConnectorException e =
        catchThrowableOfType(
            ConnectorException.class,
            () ->
                loop(new RequestBudget(0, 0, time, time))
                    .send(postRequest("/comment"), false, text));

    assertThat(e.isOutcomeUnknown()).isTrue();
    assertThat(observed).containsExactly("c1 POST /comment 0");
    host.verify(1, postRequestedFor(urlEqualTo("/comment")));
  }

  @Test
  void retriesAnIdempotentRequestWithGrowingBackoffThenGivesUp() {
    host.stubFor(get(urlEqualTo("/search")).willReturn(aResponse().withStatus(502)));
    RetryLoop loop = loop(new RequestBudget(0, 0, time, time));

    ConnectorException e =
        catchThrowableOfType(
            ConnectorException.class, () -> loop.send(request("/search"), true, text));

    assertThat(e.retryable()).isTrue();
    assertThat(e.status()).isEqualTo(502);
    assertThat(loop.requestCount()).isEqualTo(4);
    assertThat(time.sleeps()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      long step = 500L << i;
      assertThat(time.sleeps().get(i).toMillis()).isBetween(step / 2, step);
    }
  }

  @Test
  void retriesAMalformedBodyOfAnIdempotentRequest() throws Exception {
    host.stubFor(
        get(urlEqualTo("/me"))
            .inScenario("html")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withBody("<html>proxy error</html>"))
            .willSetStateTo("ok"));
    host.stubFor(
        get(urlEqualTo("/me"))
            .inScenario("html")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withBody("{\"id\":1}")));

    assertThat(loop(new RequestBudget(0, 0, time, time)).send(request("/me"), true, text))
        .isEqualTo("{\"id\":1}");
    host.verify(2, getRequestedFor(urlEqualTo("/me")));
  }

  @Test
  void everyAttemptTakesItsPlaceInTheBudget() throws Exception {
    host.stubFor(get(urlEqualTo("/me")).willReturn(aResponse().withBody("{}")));
    RetryLoop loop = loop(new RequestBudget(2, 0, time, time));

    for (int i = 0; i < 3; i++) loop.send(request("/me"), true, text);

    assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(1));
    host.verify(3, getRequestedFor(urlEqualTo("/me")));
  }

  @Test
  void remembersTheRateLimitHeadroom() throws Exception {
    host.stubFor(
        get(urlEqualTo("/me"))
            .willReturn(aResponse().withHeader("X-Rate-Limit-Remaining", "398").withBody("{}")));
    RetryLoop loop = loop(new RequestBudget(0, 0, time, time));

    loop.send(request("/me"), true, text);

    assertThat(loop.rateLimitRemaining()).isEqualTo(398);
  }

  @Test
  void refusesAClientThatResendsOnItsOwn() {
    assertThat(
            catchThrowableOfType(
                IllegalArgumentException.class,
                () ->
                    new RetryLoop(
                        new OkHttpClient(),
                        "x",
                        new RetryLoop.Policy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO),
                        new RequestBudget(0, 0, time, time),
                        time,
                        new Random(),
                        null)))
        .hasMessageContaining("retries on connection failure");
  }

  private static Request request(String path) {
    return new Request.Builder().url(host.baseUrl() + path).get().build();
  }

  private static Request postRequest(String path) {
    return new Request.Builder()
        .url(host.baseUrl() + path)
        .post(RequestBody.create("{}", MediaType.get("application/json")))
        .build();
  }
}
