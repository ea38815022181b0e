package io.qccompanion.connector.http;

import io.qccompanion.model.ConnectionOption;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The one retry loop of a connection. Every attempt first takes its place in the connection's
 * {@link RequestBudget}. A 429 is waited out as its Retry-After asks (the host applied nothing), up
 * to {@link Policy#maxRetryAfter()}; a longer wait is thrown for the server to reschedule. 5xx, I/O
 * errors and a body the {@link Reader} calls {@link Malformed} are retried with exponential backoff
 * and jitter, but only for an idempotent request: after any of them a non-idempotent request may
 * have been applied, so {@link ConnectorException#outcomeUnknown} is thrown and the caller looks
 * before trying again. Every other answer goes to the {@link Reader}.
 *
 * <p>Messages name the host and connection, never a header or a secret. Thread-safe.
 */
public final class RetryLoop {
  private final OkHttpClient client;
  private final String where;
  private final Policy policy;
  private final RequestBudget budget;
  private final Sleeper sleeper;
  private final Random jitter;
  private final Listener listener;
  private final AtomicLong requests = new AtomicLong();
  private volatile Integer rateLimitRemaining;

  /**
   * Attempts and waits.
   *
   * @param maxAttempts attempts per request, at least 1
   * @param baseBackoff first backoff; doubles per attempt, scaled by 50-100 % at random
   * @param maxBackoff the longest backoff
   * @param maxRetryAfter the longest Retry-After waited out inside a call
   */
  public record Policy(
      int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    public Policy {
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts < 1");
    }

    /**
     * From the options {@code http.maxAttempts} (default 5), {@code http.backoffMillis} (500) and
     * {@code http.maxRetryAfterSeconds} ({@code defaultMaxRetryAfter}); backoff capped at 30 s.
     */
    public static Policy of(ConnectionSettings settings, Duration defaultMaxRetryAfter) {
      return new Policy(
          number(settings, "http.maxAttempts", 5),
          Duration.ofMillis(number(settings, "http.backoffMillis", 500)),
          Duration.ofSeconds(30),
          Duration.ofSeconds(
              number(settings, "http.maxRetryAfterSeconds", defaultMaxRetryAfter.toSeconds())));
    }

    /**
     * The options {@link #of} reads, for a connector's option list; {@code defaultMaxRetryAfter} is
     * the host's default cap on a Retry-After waited out inside a call.
     */
    public static List<ConnectionOption> options(Duration defaultMaxRetryAfter) {
      return List.of(
          option("http.maxAttempts", "5")
              .help("Attempts per request for 429, 5xx, timeouts, I/O errors and malformed JSON.")
              .build(),
          option("http.backoffMillis", "500")
              .help("First backoff; doubles per attempt with jitter, capped at 30 s.")
              .build(),
          option("http.maxRetryAfterSeconds", Long.toString(defaultMaxRetryAfter.toSeconds()))
              .help("Longest Retry-After waited out inside a call; longer waits go to the server.")
              .build());
    }

    private static ConnectionOption.Builder option(String name, String defaultValue) {
      return ConnectionOption.builder(name)
          .type(ConnectionOption.Type.INTEGER)
          .defaultValue(defaultValue);
    }

    private static int number(ConnectionSettings settings, String key, long fallback) {
      String value = settings.option(key, null);
      if (value == null || value.isBlank()) return (int) fallback;
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "option " + key + " must be a whole number, was '" + value + "'");
      }
    }
  }

  /** A final answer to {@code request}: status, body text (read whole) and headers. */
  public record Reply(Request request, int status, String body, Headers headers) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** Method and path, e.g. {@code PUT /api/v2/tickets/42}, for messages. */
    public String what() {
      return request.method() + " " + request.url().encodedPath();
    }
  }

  /** Turns a final answer into the caller's result, or throws the caller's typed failure. */
  @FunctionalInterface
  public interface Reader<T> {
    /**
     * @throws Malformed when a successful answer cannot be read; retried like a 5xx
     */
    T read(Reply reply) throws ConnectorException, Malformed;
  }

  /** Told before each wait, so the connector logs in its own name. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = (what, attempt, status, wait) -> {};

    /**
     * @param status the answer's status, 0 when none came
     */
    void retrying(String what, int attempt, int status, Duration wait);
  }

  /** Thrown by a {@link Reader} for an answer it cannot read, e.g. "malformed JSON". */
  public static final class Malformed extends Exception {
    public Malformed(String what, Throwable cause) {
      super(what, cause);
    }
  }

  /**
   * @param where the host and connection as a user reads them, e.g. {@code Zendesk acme.zendesk.com
   *     (connection 'acme')}
   * @param client built with {@code retryOnConnectionFailure(false)}: this loop decides what is
   *     resent
   */
  public RetryLoop(
      OkHttpClient client,
      String where,
      Policy policy,
      RequestBudget budget,
      Sleeper sleeper,
      Random jitter,
      Listener listener) {
    if (client.retryOnConnectionFailure())
      throw new IllegalArgumentException("client retries on connection failure by itself");
    this.client = client;
    this.where = where;
    this.policy = policy;
    this.budget = budget;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.listener = listener == null ? Listener.NONE : listener;
  }

  /** Sends {@code request} within the connection's budget only. */
  public <T> T send(Request request, boolean idempotent, Reader<T> reader)
      throws ConnectorException {
    return send(request, idempotent, reader, null);
  }

  /**
   * Sends {@code request}, retrying as described on the class.
   *
   * @param endpointBudget a tighter budget of this endpoint (Zendesk's export), or null
   */
  public <T> T send(
      Request request, boolean idempotent, Reader<T> reader, RequestBudget endpointBudget)
      throws ConnectorException {
    String what = request.method() + " " + request.url().encodedPath();
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= policy.maxAttempts();
      Duration wait;
      int status = 0;
      try {
        if (endpointBudget != null) endpointBudget.acquire();
        budget.acquire();
      } catch (InterruptedException e) {
        throw interrupted(what, e);
      }
      requests.incrementAndGet();
      try (Response response = client.newCall(request).execute()) {
        status = response.code();
        remember(response.headers());
        String body = response.body().string();
        if (status == 429) {
          wait = retryAfter(response.header("Retry-After"), attempt);
          budget.hold(wait);
          String reason = response.header("RateLimit-Reason");
          String rateLimited =
              where + " rate-limited " + what + (reason == null ? "" : " (" + reason + ")");
          if (wait.compareTo(policy.maxRetryAfter()) > 0)
            throw ConnectorException.transientFailure(
                429,
                wait,
                rateLimited
                    + " for "
                    + wait.toSeconds()
                    + " s, longer than http.maxRetryAfterSeconds",
                null);
          if (last)
            throw ConnectorException.transientFailure(
                429, wait, rateLimited + " on all " + attempt + " attempts", null);
        } else if (status >= 500) {
          String failed = where + " answered " + status + " to " + what;
          if (!idempotent) throw unknown(status, failed, null);
          if (last) throw ConnectorException.transientFailure(status, null, failed, null);
          wait = backoff(attempt);
        } else {
          try {
            return reader.read(new Reply(request, status, body, response.headers()));
          } catch (Malformed e) {
            String failed = where + " sent " + e.getMessage() + " for " + what;
            if (!idempotent) throw unknown(status, failed, e);
            if (last) throw ConnectorException.transientFailure(status, null, failed, e);
            wait = backoff(attempt);
          }
        }
      } catch (IOException e) {
        String failed =
            "no answer from " + where + " for " + what + ": " + e.getClass().getSimpleName();
        if (!idempotent) throw unknown(0, failed, e);
        if (last) throw ConnectorException.transientFailure(0, null, failed, e);
        wait = backoff(attempt);
      }
      listener.retrying(what, attempt, status, wait);
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        throw interrupted(what, e);
      }
    }
  }

  /** Requests sent so far, every attempt counted. */
  public long requestCount() {
    return requests.get();
  }

  /** Requests left in the host's current rate-limit window, from the last answer, or null. */
  public Integer rateLimitRemaining() {
    return rateLimitRemaining;
  }

  /** Exponential backoff with jitter: base * 2^(attempt-1), capped, scaled by 50-100 %. */
  public Duration backoff(int attempt) {
    long doubled = policy.baseBackoff().toMillis() << Math.min(attempt - 1, 16);
    long capped = Math.min(doubled, policy.maxBackoff().toMillis());
    return Duration.ofMillis(capped / 2 + (long) (jitter.nextDouble() * (capped / 2.0)));
  }

  private Duration retryAfter(String header, int attempt) {
    if (header != null) {
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
      } catch (NumberFormatException ignored) {
        // The HTTP-date form is used by neither Zendesk nor Jira: fall back to backoff.
      }
    }
    return backoff(attempt);
  }

  private void remember(Headers headers) {
    // Zendesk: X-Rate-Limit-Remaining / ratelimit-remaining; Jira: X-RateLimit-Remaining.
    String remaining = headers.get("X-Rate-Limit-Remaining");
    if (remaining == null) remaining = headers.get("X-RateLimit-Remaining");
    if (remaining == null) remaining = headers.get("RateLimit-Remaining");
    if (remaining == null) return;
    try {
      rateLimitRemaining = Integer.valueOf(remaining.trim());
    } catch (NumberFormatException ignored) {
      // an unexpected header value must not fail a request
    }
  }

  private static ConnectorException unknown(int status, String message, Throwable cause) {
    return ConnectorException.outcomeUnknown(
        status, "Outcome unknown, look before retrying: " + message, cause);
  }

  private ConnectorException interrupted(String what, InterruptedException e) {
    Thread.currentThread().interrupt();
    return ConnectorException.transientFailure(
        0, null, "interrupted while waiting to send " + what + " to " + where, e);
  }
}
