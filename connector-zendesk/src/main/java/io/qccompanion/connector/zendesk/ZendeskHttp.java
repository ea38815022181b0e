package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
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
 * The one HTTP layer of a Zendesk source or sink: a shared {@link OkHttpClient} with timeouts,
 * authentication, request counting, and a retry loop (429 honouring Retry-After, 5xx/timeouts with
 * exponential backoff and jitter, malformed JSON retried). Failures that remain become {@link
 * ConnectorException}s whose messages name the connection and never contain a secret.
 */
final class ZendeskHttp implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(ZendeskHttp.class);
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final ConnectionSettings settings;
  private final ZendeskOptions options;
  private final Sleeper sleeper;
  private final Random jitter;
  private final OkHttpClient client;
  private final HttpUrl baseUrl;
  private final AtomicLong requests = new AtomicLong();
  private volatile Integer rateLimitRemaining;
  private volatile boolean shared;
  private RequestRateLimiter exportLimiter;

  /** Opens the HTTP layer of one source or sink; tests add spec-validating interceptors. */
  @FunctionalInterface
  interface Factory {
    Factory DEFAULT = withInterceptors(List.of());

    ZendeskHttp open(ConnectionSettings settings, ZendeskOptions options, Sleeper sleeper);

    static Factory withInterceptors(List<Interceptor> interceptors) {
      return (settings, options, sleeper) ->
          new ZendeskHttp(settings, options, sleeper, new Random(), interceptors);
    }
  }

  ZendeskHttp(
      ConnectionSettings settings,
      ZendeskOptions options,
      Sleeper sleeper,
      Random jitter,
      List<Interceptor> extraInterceptors) {
    this.settings = settings;
    this.options = options;
    this.sleeper = sleeper;
    this.jitter = jitter;
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
            // a second note. Our own loop decides what is safe to retry.
            .retryOnConnectionFailure(false)
            .addInterceptor(
                chain -> {
                  requests.incrementAndGet();
                  return chain.proceed(
                      chain
                          .request()
                          .newBuilder()
                          .header("Authorization", authorization)
                          .header("Accept", "application/json")
                          .build());
                });
    extraInterceptors.forEach(builder::addInterceptor);
    this.client = builder.build();
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
    return requests.get();
  }

  /** Requests left in Zendesk's current rate-limit window, from the last answer, or null. */
  Integer rateLimitRemaining() {
    return rateLimitRemaining;
  }

  /** GETs JSON, retrying transient failures; {@code limiter} may be null. */
  JsonNode get(HttpUrl url, RequestRateLimiter limiter) throws ConnectorException {
    return send(new Request.Builder().url(url).get().build(), limiter, true);
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
    return send(new Request.Builder().url(url).put(requestBody).build(), null, idempotent);
  }

  private JsonNode send(Request request, RequestRateLimiter limiter, boolean idempotent)
      throws ConnectorException {
    String what = request.method() + " " + request.url().encodedPath();
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= options.maxAttempts();
      try {
        if (limiter != null) limiter.acquire();
        try (Response response = client.newCall(request).execute()) {
          int status = response.code();
          LOG.debug("{} -> {} (attempt {})", what, status, attempt);
          rememberRateLimit(response);
          if (response.isSuccessful()) {
            String text = response.body().string();
            try {
              return text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
            } catch (JsonProcessingException e) {
              if (last || !idempotent) {
                throw failure(
                    idempotent, status, "Zendesk sent malformed JSON for " + what + on(), e);
              }
              LOG.warn("{} returned malformed JSON; retrying", what);
              sleeper.sleep(backoff(attempt));
              continue;
            }
          }
          if (status == 401 || status == 403) throw credentials(status);
          if (status == 429) {
            Duration wait = retryAfter(response, attempt);
            if (last || wait.compareTo(options.maxRetryAfter()) > 0) {
              throw ConnectorException.transientFailure(
                  status, wait, "Zendesk rate limit hit for " + what + on(), null);
            }
            LOG.info("{} rate limited; waiting {} as asked", what, wait);
            sleeper.sleep(wait);
            continue;
          }
          if (status >= 500) {
            if (last || !idempotent) {
              throw failure(
                  idempotent, status, "Zendesk answered " + status + " for " + what + on(), null);
            }
            sleeper.sleep(backoff(attempt));
            continue;
          }
          throw ConnectorException.permanent(
              status, "Zendesk refused " + what + on() + " (" + status + "): " + snippet(response));
        }
      } catch (IOException e) {
        if (last || !idempotent) {
          throw failure(
              idempotent,
              0,
              "no answer from Zendesk for " + what + on() + ": " + e.getClass().getSimpleName(),
              e);
        }
        LOG.info("{} failed ({}); retrying", what, e.toString());
        sleep(backoff(attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ConnectorException.transientFailure(0, null, "interrupted: " + what, e);
      }
    }
  }

  /** After a failed write Zendesk may still have applied it: the caller must look first. */
  private static ConnectorException failure(
      boolean idempotent, int status, String message, Throwable cause) {
    return idempotent
        ? ConnectorException.transientFailure(status, null, message, cause)
        : ConnectorException.outcomeUnknown(status, "Outcome unknown: " + message, cause);
  }

  private void sleep(Duration duration) throws ConnectorException {
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ConnectorException.transientFailure(0, null, "interrupted while waiting", e);
    }
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

  /** Exponential backoff with jitter: base * 2^(attempt-1), capped, scaled by 50-100%. */
  Duration backoff(int attempt) {
    long base = options.baseBackoff().toMillis() << Math.min(attempt - 1, 16);
    long capped = Math.min(base, MAX_BACKOFF.toMillis());
    return Duration.ofMillis(capped / 2 + (long) (jitter.nextDouble() * (capped / 2.0)));
  }

  private Duration retryAfter(Response response, int attempt) {
    String header = response.header("Retry-After");
    if (header != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
      } catch (NumberFormatException ignored) {
        // HTTP-date form is not used by Zendesk; fall back to our own backoff.
      }
    }
    return backoff(attempt);
  }

  private void rememberRateLimit(Response response) {
    String remaining = response.header("X-Rate-Limit-Remaining");
    if (remaining == null) remaining = response.header("ratelimit-remaining");
    if (remaining == null) return;
    try {
      rateLimitRemaining = Integer.valueOf(remaining.trim());
    } catch (NumberFormatException ignored) {
      // an unexpected header value must not fail a request
    }
  }

  private static String snippet(Response response) throws IOException {
    String body = response.body().string();
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
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

  /**
   * The connection's one limiter for the incremental exports (tickets and ticket events share
   * Zendesk's 10 requests a minute), or null when {@code export.requestsPerMinute} is 0.
   */
  synchronized RequestRateLimiter exportLimiter(java.time.Clock clock, Sleeper sleeper) {
    if (options.exportRequestsPerMinute() <= 0) return null;
    if (exportLimiter == null)
      exportLimiter = new RequestRateLimiter(options.exportRequestsPerMinute(), clock, sleeper);
    return exportLimiter;
  }
}
