package io.qccompanion.connector.zendesk.sim;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fault switches of a {@link SimulatedZendesk}. Counted faults hit the next N requests and then
 * stop; all switches are thread-safe and can be flipped while a client is running.
 */
public final class Faults {
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicInteger retryAfterSeconds = new AtomicInteger(1);
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger malformed = new AtomicInteger();
  private final AtomicInteger dropAfterApply = new AtomicInteger();
  private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
  private final AtomicBoolean revoked = new AtomicBoolean();

  Faults() {}

  /** The next {@code n} requests answer 429 with {@code Retry-After: retryAfterSeconds}. */
  public Faults rateLimitNext(int n, int retryAfterSeconds) {
    this.retryAfterSeconds.set(retryAfterSeconds);
    rateLimited.set(n);
    return this;
  }

  /** The next {@code n} requests answer 503. */
  public Faults serverErrorNext(int n) {
    serverErrors.set(n);
    return this;
  }

  /** The next {@code n} successful answers carry a truncated, malformed JSON body. */
  public Faults malformedNext(int n) {
    malformed.set(n);
    return this;
  }

  /**
   * The next {@code n} writes (PUT/POST/DELETE) are applied, then the connection is closed without
   * an answer: the client cannot know the outcome.
   */
  public Faults dropAfterApplyNext(int n) {
    dropAfterApply.set(n);
    return this;
  }

  /** Every answer is delayed by {@code delay} (zero to switch off). */
  public Faults delay(Duration delay) {
    this.delay.set(delay == null ? Duration.ZERO : delay);
    return this;
  }

  /** Every request answers 401, as after the API token was revoked or its user deactivated. */
  public Faults revokeCredentials() {
    revoked.set(true);
    return this;
  }

  /** Accepts the configured credentials again. */
  public Faults restoreCredentials() {
    revoked.set(false);
    return this;
  }

  /** Switches every fault off. */
  public Faults reset() {
    rateLimited.set(0);
    serverErrors.set(0);
    malformed.set(0);
    dropAfterApply.set(0);
    delay.set(Duration.ZERO);
    revoked.set(false);
    return this;
  }

  boolean takeRateLimited() {
    return take(rateLimited);
  }

  int retryAfterSeconds() {
    return retryAfterSeconds.get();
  }

  boolean takeServerError() {
    return take(serverErrors);
  }

  boolean takeMalformed() {
    return take(malformed);
  }

  boolean takeDropAfterApply() {
    return take(dropAfterApply);
  }

  Duration delay() {
    return delay.get();
  }

  boolean revoked() {
    return revoked.get();
  }

  private static boolean take(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
