package io.qccompanion.connector.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP layer of a Jira connection: authentication, retries (429 honouring Retry-After, 5xx
 * and I/O errors with exponential backoff and jitter, malformed JSON), error mapping and request
 * counting. Never logs the Authorization header or a secret.
 */
final class JiraHttp {
  static final MediaType JSON = MediaType.get("application/json");
  private static final Logger log = LoggerFactory.getLogger(JiraHttp.class);

  private final OkHttpClient client;
  private final ConnectionSettings settings;
  private final HttpUrl baseUrl;
  private final String authorization;
  private final Sleeper sleeper;
  private final ObjectMapper mapper;
  private final int maxAttempts;
  private final Duration baseBackoff;
  private final Duration maxRetryAfter;
  private final AtomicLong requests = new AtomicLong();

  /** An answer the caller chose to handle itself (see {@link #send}). */
  record Answer(int status, JsonNode body, String text) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  JiraHttp(
      ConnectionSettings settings,
      Sleeper sleeper,
      List<Interceptor> interceptors,
      ObjectMapper mapper) {
    this.settings = settings;
    this.baseUrl = HttpUrl.get(settings.baseUrl());
    this.sleeper = sleeper;
    this.mapper = mapper;
    this.maxAttempts = Integer.parseInt(settings.option("http.maxAttempts", "5"));
    this.baseBackoff =
        Duration.ofMillis(Long.parseLong(settings.option("http.backoffMillis", "500")));
    this.maxRetryAfter =
        Duration.ofSeconds(Long.parseLong(settings.option("http.maxRetryAfterSeconds", "60")));
    ConnectionSettings.Auth auth = settings.auth();
    this.authorization =
        auth.kind() == ConnectionSettings.Auth.Kind.API_TOKEN
            ? Credentials.basic(auth.username(), auth.secret())
            : "Bearer " + auth.secret();
    Duration timeout =
        Duration.ofSeconds(Long.parseLong(settings.option("http.timeoutSeconds", "30")));
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout.multipliedBy(2))
            // We decide what to retry: a POST whose connection dropped may have been applied.
            .retryOnConnectionFailure(false);
    interceptors.forEach(builder::addInterceptor);
    this.client = builder.build();
  }

  HttpUrl.Builder url(String path) {
    return baseUrl.newBuilder().encodedPath(path);
  }

  String host() {
    return baseUrl.host();
  }

  long requestCount() {
    return requests.get();
  }

  JsonNode get(HttpUrl url) throws ConnectorException {
    return expectOk(send(new Request.Builder().url(url).get(), true, Set.of()), url);
  }

  JsonNode post(HttpUrl url, Object body) throws ConnectorException {
    return expectOk(send(new Request.Builder().url(url).post(json(body)), true, Set.of()), url);
  }

  RequestBody json(Object body) throws ConnectorException {
    try {
      return RequestBody.create(mapper.writeValueAsBytes(body), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body cannot be written as JSON", e);
    }
  }

  private JsonNode expectOk(Answer answer, HttpUrl url) throws ConnectorException {
    if (answer.ok()) return answer.body();
    throw ConnectorException.permanent(
        answer.status(),
        "Jira answered "
            + answer.status()
            + " to "
            + url.encodedPath()
            + " for "
            + host()
            + ": "
            + abbreviate(answer.text()));
  }

  /**
   * Sends with retries. 401 (and 403 unless listed in {@code handled}) become a credentials
   * failure; statuses in {@code handled} and other 4xx are returned for the caller to judge.
   *
   * @param idempotent when false, a request that got a 5xx, timed out or lost its connection is
   *     never resent: Jira may have applied it, so {@link ConnectorException#outcomeUnknown} is
   *     thrown and the caller must look before trying again. A 429 is resent (Jira applied nothing)
   */
  Answer send(Request.Builder request, boolean idempotent, Set<Integer> handled)
      throws ConnectorException {
    Request built =
        request.header("Authorization", authorization).header("Accept", "application/json").build();
    ConnectorException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Duration wait;
      requests.incrementAndGet();
      try (Response response = client.newCall(built).execute()) {
        int status = response.code();
        String text = response.body().string();
        if (status == 429) {
          wait = retryAfter(response.header("Retry-After"), attempt);
          String reason = response.header("RateLimit-Reason");
          if (wait.compareTo(maxRetryAfter) > 0) {
            // Not waited out inside the call: the caller reschedules with the wait.
            throw ConnectorException.transientFailure(
                429,
                wait,
                "Jira rate-limited connection '"
                    + settings.name()
                    + "' for "
                    + wait.toSeconds()
                    + " s ("
                    + (reason == null ? "no reason given" : reason)
                    + "), longer than http.maxRetryAfterSeconds",
                null);
          }
          log.warn(
              "Jira {} rate-limited {} {} (reason {}), waiting {}",
              host(),
              built.method(),
              built.url().encodedPath(),
              reason,
              wait);
          last =
              ConnectorException.transientFailure(
                  429,
                  wait,
                  "Jira rate-limited connection '"
                      + settings.name()
                      + "' ("
                      + (reason == null ? "no reason given" : reason)
                      + ")",
                  null);
        } else if (status >= 500) {
          if (!idempotent)
            throw ConnectorException.outcomeUnknown(
                status,
                "Outcome unknown, look before retrying: Jira "
                    + host()
                    + " answered "
                    + status
                    + " to "
                    + built.method()
                    + " "
                    + built.url().encodedPath(),
                null);
          wait = backoff(attempt);
          last =
              ConnectorException.transientFailure(
                  status, null, "Jira " + host() + " answered " + status, null);
        } else if (status == 401 || (status == 403 && !handled.contains(403))) {
          throw ConnectorException.credentials(status, rejected(status));
        } else if (status >= 300 || text.isEmpty()) {
          return new Answer(status, null, text);
        } else {
          try {
            return new Answer(status, mapper.readTree(text), text);
          } catch (JsonProcessingException e) {
            if (!idempotent)
              throw ConnectorException.outcomeUnknown(
                  status,
                  "Outcome unknown, look before retrying: Jira "
                      + host()
                      + " sent malformed JSON for "
                      + built.url().encodedPath(),
                  e);
            wait = backoff(attempt);
            last =
                ConnectorException.transientFailure(
                    status,
                    null,
                    "Jira " + host() + " sent malformed JSON for " + built.url().encodedPath(),
                    e);
          }
        }
      } catch (IOException e) {
        String message = "I/O error talking to Jira " + host() + ": " + e.getMessage();
        if (!idempotent)
          throw ConnectorException.outcomeUnknown(
              0, "Outcome unknown, look before retrying: " + message, e);
        last = ConnectorException.transientFailure(0, null, message, e);
        wait = backoff(attempt);
      }
      if (attempt < maxAttempts) {
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw last;
        }
      }
    }
    throw last;
  }

  private String rejected(int status) {
    String what =
        settings.auth().kind() == ConnectionSettings.Auth.Kind.API_TOKEN
            ? "the API token"
            : "the access token";
    return "Jira rejected "
        + what
        + " for "
        + host()
        + " ("
        + status
        + "): check the token in connection '"
        + settings.name()
        + "'";
  }

  private Duration retryAfter(String header, int attempt) {
    if (header != null) {
      try {
        return Duration.ofSeconds(Long.parseLong(header.trim()));
      } catch (NumberFormatException ignored) {
        // HTTP-date form is not used by Jira; fall back to backoff
      }
    }
    return backoff(attempt);
  }

  private Duration backoff(int attempt) {
    long cap = baseBackoff.toMillis() * (1L << Math.min(attempt - 1, 6));
    long capped = Math.min(cap, 30_000);
    return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  static String abbreviate(String text) {
    if (text == null) return "";
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  /** Closes the client; the provider calls it when it releases the connection. */
  void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  ConnectionSettings settings() {
    return settings;
  }
}
