package io.qccompanion.connector.jira.sim;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Fault switches of a {@link SimulatedJira}; each "next N" switch counts down per request. */
public final class Faults {
  final AtomicInteger rateLimited = new AtomicInteger();
  volatile long retryAfterSeconds = 1;
  volatile String rateLimitReason = "jira-burst-based";
  final AtomicInteger serverErrors = new AtomicInteger();
  final AtomicInteger malformed = new AtomicInteger();
  final AtomicInteger dropAfterApply = new AtomicInteger();
  final AtomicReference<String> dropMethod = new AtomicReference<>("POST");
  final AtomicReference<Duration> slow = new AtomicReference<>(Duration.ZERO);
  final AtomicBoolean revoked = new AtomicBoolean();
  final AtomicBoolean commentsForbiddenOnDone = new AtomicBoolean();

  Faults() {}

  /** The next {@code n} requests get 429 with {@code Retry-After} and {@code RateLimit-Reason}. */
  public Faults rateLimitNext(int n, Duration retryAfter, String reason) {
    retryAfterSeconds = retryAfter.toSeconds();
    rateLimitReason = reason;
    rateLimited.set(n);
    return this;
  }

  /** The next {@code n} requests get 503. */
  public Faults failNext(int n) {
    serverErrors.set(n);
    return this;
  }

  /** The next {@code n} successful answers carry a truncated JSON body. */
  public Faults malformedNext(int n) {
    malformed.set(n);
    return this;
  }

  /** The next {@code n} requests with {@code method} are applied, then the connection drops. */
  public Faults dropAfterApplyNext(int n, String method) {
    dropMethod.set(method);
    dropAfterApply.set(n);
    return this;
  }

  /** Every answer waits this long first. */
  public Faults slow(Duration delay) {
    slow.set(delay);
    return this;
  }

  /** Answers 401 to every request, as after a revoked token or a deactivated user. */
  public Faults revokeCredentials(boolean revoked) {
    this.revoked.set(revoked);
    return this;
  }

  /** Comments on Done issues are refused (403), as with {@code jira.issue.editable=false}. */
  public Faults forbidCommentsOnDone(boolean forbidden) {
    commentsForbiddenOnDone.set(forbidden);
    return this;
  }

  /** Turns every switch off. */
  public Faults reset() {
    rateLimited.set(0);
    serverErrors.set(0);
    malformed.set(0);
    dropAfterApply.set(0);
    slow.set(Duration.ZERO);
    revoked.set(false);
    commentsForbiddenOnDone.set(false);
    return this;
  }

  static boolean take(AtomicInteger counter) {
    return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
