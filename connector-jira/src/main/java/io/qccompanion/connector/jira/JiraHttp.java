package io.qccompanion.connector.jira;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qccompanion.connector.http.RequestBudget;
import io.qccompanion.connector.http.RetryLoop;
import io.qccompanion.connector.http.Sleeper;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP layer of a Jira connection: authentication, the connection's {@link RequestBudget},
 * the shared {@link RetryLoop} (429 honouring Retry-After, 5xx and I/O errors with backoff and
 * jitter, malformed JSON, no blind resend of a non-idempotent request) and error mapping. Never
 * logs the Authorization header or a secret.
 */
final class JiraHttp {
  static final MediaType JSON = MediaType.get("application/json");
  private static final Logger log = LoggerFactory.getLogger(JiraHttp.class);

  /** Jira Cloud asks for waits of seconds to a minute; longer ones go back to the server. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private final OkHttpClient client;
  private final ConnectionSettings settings;
  private final HttpUrl baseUrl;
  private final String authorization;
  private final ObjectMapper mapper;
  private final RetryLoop loop;

  /** An answer the caller chose to handle itself (see {@link #send}). */
  record Answer(int status, JsonNode body, String text) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  JiraHttp(
      ConnectionSettings settings,
      Clock clock,
      Sleeper sleeper,
      List<Interceptor> interceptors,
      ObjectMapper mapper) {
    this.settings = settings;
    this.baseUrl = HttpUrl.get(settings.baseUrl());
    this.mapper = mapper;
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
    this.loop =
        new RetryLoop(
            client,
            "Jira " + host() + " (connection '" + settings.name() + "')",
            RetryLoop.Policy.of(settings, MAX_RETRY_AFTER),
            RequestBudget.of(settings, clock, sleeper),
            sleeper,
            new Random(),
            (what, attempt, status, wait) ->
                log.warn(
                    "Jira {} answered {} to {} (attempt {}), waiting {}",
                    host(),
                    status == 0 ? "nothing" : status,
                    what,
                    attempt,
                    wait));
  }

  HttpUrl.Builder url(String path) {
    return baseUrl.newBuilder().encodedPath(path);
  }

  String host() {
    return baseUrl.host();
  }

  long requestCount() {
    return loop.requestCount();
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
   * Sends with the connection's retry loop. 401 (and 403 unless listed in {@code handled}) become a
   * credentials failure; statuses in {@code handled} and other 4xx are returned for the caller to
   * judge.
   *
   * @param idempotent when false, a request that got a 5xx, timed out or lost its connection is
   *     never resent: Jira may have applied it, so {@link ConnectorException#outcomeUnknown} is
   *     thrown and the caller must look before trying again. A 429 is resent (Jira applied nothing)
   */
  Answer send(Request.Builder request, boolean idempotent, Set<Integer> handled)
      throws ConnectorException {
    Request built =
        request.header("Authorization", authorization).header("Accept", "application/json").build();
    return loop.send(built, idempotent, reply -> read(reply, handled));
  }

  private Answer read(RetryLoop.Reply reply, Set<Integer> handled)
      throws ConnectorException, RetryLoop.Malformed {
    int status = reply.status();
    if (status == 401 || (status == 403 && !handled.contains(403)))
      throw ConnectorException.credentials(status, rejected(status));
    if (status >= 300 || reply.body().isEmpty()) return new Answer(status, null, reply.body());
    try {
      return new Answer(status, mapper.readTree(reply.body()), reply.body());
    } catch (JsonProcessingException e) {
      throw new RetryLoop.Malformed("malformed JSON", e);
    }
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
