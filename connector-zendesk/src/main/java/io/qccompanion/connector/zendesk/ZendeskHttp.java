package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qccompanion.connector.http.RequestBudget;
import io.qccompanion.connector.http.RetryLoop;
import io.qccompanion.connector.http.Sleeper;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP layer of a Zendesk connection: a shared {@link OkHttpClient} with timeouts and
 * authentication, the connection's {@link RequestBudget}, and the shared {@link RetryLoop} (429
 * honouring Retry-After, 5xx/timeouts with exponential backoff and jitter, malformed JSON retried,
 * no blind resend of a non-idempotent PUT). Failures that remain become {@link ConnectorException}s
 * whose messages name the connection and never contain a secret.
 */
final class ZendeskHttp implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(ZendeskHttp.class);

  /** Zendesk asks for waits of up to two minutes on its export endpoints. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(120);

  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  private final ConnectionSettings settings;
  private final ZendeskOptions options;
  private final OkHttpClient client;
  private final HttpUrl baseUrl;
  private final RetryLoop loop;
  private final RequestBudget exportBudget;
  private volatile boolean shared;

  /** Opens the HTTP layer of one source or sink; tests add spec-validating interceptors. */
  @FunctionalInterface
  interface Factory {
    Factory DEFAULT = withInterceptors(List.of());

    ZendeskHttp open(
        ConnectionSettings settings, ZendeskOptions options, Clock clock, Sleeper sleeper);

    static Factory withInterceptors(List<Interceptor> interceptors) {
      return (settings, options, clock, sleeper) ->
          new ZendeskHttp(settings, options, clock, sleeper, new Random(), interceptors);
    }
  }

  ZendeskHttp(
      ConnectionSettings settings,
      ZendeskOptions options,
      Clock clock,
      Sleeper sleeper,
      Random jitter,
      List<Interceptor> extraInterceptors) {
    this.settings = settings;
    this.options = options;
    HttpUrl parsed = HttpUrl.parse(settings.baseUrl());
    if (parsed == null) throw new IllegalArgumentException("baseUrl is not a URL");
    this.baseUrl = parsed;
    String authorization = authorization(settings.auth());
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(options.connectTimeout())
            .readTimeout(options.readTimeout())
            .writeTimeout(options.readTimeout())
            // Never let OkHttp silently resend a PUT whose outcome is unknown: that would write
            // a second note. The retry loop decides what is safe to retry.
            .retryOnConnectionFailure(false)
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain
                            .request()
                            .newBuilder()
                            .header("Authorization", authorization)
                            .header("Accept", "application/json")
                            .build()));
    extraInterceptors.forEach(builder::addInterceptor);
    this.client = builder.build();
    this.loop =
        new RetryLoop(
            client,
            "Zendesk " + options.host() + " (connection '" + options.connectionName() + "')",
            RetryLoop.Policy.of(settings, MAX_RETRY_AFTER),
            RequestBudget.of(settings, clock, sleeper),
            sleeper,
            jitter,
            (what, attempt, status, wait) ->
                LOG.info(
                    "{} on {} got {} (attempt {}); retrying in {}",
                    what,
                    options.host(),
                    status == 0 ? "no answer" : status,
                    attempt,
                    wait));
    // Zendesk limits the incremental exports (tickets and ticket events together) to 10 requests
    // a minute, 30 with the High Volume add-on.
    this.exportBudget =
        options.exportRequestsPerMinute() <= 0
            ? null
            : new RequestBudget(options.exportRequestsPerMinute(), 0, clock, sleeper);
  }

  private static String authorization(ConnectionSettings.Auth auth) {
    return switch (auth.kind()) {
      case API_TOKEN -> {
        String pair = auth.username() + "/token:" + auth.secret();
        yield "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
      }
      case BEARER -> "Bearer " + auth.secret();
    };
  }

  /** Builds {@code <baseUrl>/<path>}; path segments are given without slashes. */
  HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder builder = baseUrl.newBuilder();
    for (String segment : segments) builder.addPathSegment(segment);
    return builder;
  }

  /** True when {@code url} points at this connection's Zendesk (scheme, host and port). */
  boolean sameOrigin(HttpUrl url) {
    return url.scheme().equals(baseUrl.scheme())
        && url.host().equals(baseUrl.host())
        && url.port() == baseUrl.port();
  }

  /** Requests sent so far, including retries. */
  long requestCount() {
    return loop.requestCount();
  }

  /** Requests left in Zendesk's current rate-limit window, from the last answer, or null. */
  Integer rateLimitRemaining() {
    return loop.rateLimitRemaining();
  }

  /** GETs JSON, retrying transient failures. */
  JsonNode get(HttpUrl url) throws ConnectorException {
    return loop.send(new Request.Builder().url(url).get().build(), true, this::read);
  }

  /** GETs a page of an incremental export, within the export's own budget. */
  JsonNode getExport(HttpUrl url) throws ConnectorException {
    return loop.send(new Request.Builder().url(url).get().build(), true, this::read, exportBudget);
  }

  /**
   * PUTs JSON. When {@code idempotent} is false only 429 (which Zendesk never applies) is retried;
   * any other failure leaves the outcome unknown and is thrown for the caller to look first.
   */
  JsonNode put(HttpUrl url, JsonNode body, boolean idempotent) throws ConnectorException {
    RequestBody requestBody;
    try {
      requestBody = RequestBody.create(JSON.writeValueAsString(body), JSON_TYPE);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("body is not serialisable", e);
    }
    return loop.send(
        new Request.Builder().url(url).put(requestBody).build(), idempotent, this::read);
  }

  private JsonNode read(RetryLoop.Reply reply) throws ConnectorException, RetryLoop.Malformed {
    if (reply.ok()) {
      try {
        return reply.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(reply.body());
      } catch (JsonProcessingException e) {
        throw new RetryLoop.Malformed("malformed JSON", e);
      }
    }
    if (reply.status() == 401 || reply.status() == 403) throw credentials(reply.status());
    String text = reply.body();
    throw ConnectorException.permanent(
        reply.status(),
        "Zendesk refused "
            + reply.what()
            + on()
            + " ("
            + reply.status()
            + "): "
            + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
  }

  private String on() {
    return " on " + options.host() + " (connection '" + options.connectionName() + "')";
  }

  private ConnectorException credentials(int status) {
    String token =
        settings.auth().kind() == ConnectionSettings.Auth.Kind.BEARER ? "OAuth token" : "API token";
    String message =
        status == 401
            ? "Zendesk rejected the "
                + token
                + " for "
                + options.host()
                + " (401): check the token in connection '"
                + options.connectionName()
                + "' and that its user is still active; a dedicated service account keeps the"
                + " connection independent of staff changes"
            : "Zendesk refused access for "
                + options.host()
                + " (403): the user of connection '"
                + options.connectionName()
                + "' needs the admin role (incremental export) or agent access to the tickets;"
                + " use a dedicated admin service account";
    return ConnectorException.credentials(status, message);
  }

  /** Closes the client unless it is the connection's shared one (see {@link #shutdown}). */
  @Override
  public void close() {
    if (!shared) shutdown();
  }

  /** Marks this client as the connection's, kept open across sources and sinks. */
  ZendeskHttp share() {
    shared = true;
    return this;
  }

  void shutdown() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  ConnectionSettings settings() {
    return settings;
  }
}
