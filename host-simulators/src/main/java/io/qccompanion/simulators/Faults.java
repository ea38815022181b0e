package io.qccompanion.simulators;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fault switches of a simulated host ({@code SimulatedZendesk}, {@code SimulatedJira}). Counted
 * faults hit the next N matching requests and then stop; every switch is thread-safe and can be
 * flipped while a client is running. The {@code take...} methods are the simulators' side.
 */
public final class Faults {
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final AtomicReference<Duration> retryAfter = new AtomicReference<>(Duration.ofSeconds(1));
  private final AtomicReference<String> rateLimitReason = new AtomicReference<>("jira-burst-based");
  private final AtomicInteger serverErrors = new AtomicInteger();
  private final AtomicInteger serverErrorsAfterApply = new AtomicInteger();
  private final AtomicInteger malformed = new AtomicInteger();
  private final AtomicInteger dropAfterApply = new AtomicInteger();
  private final AtomicReference<String> writeMethod = new AtomicReference<>(null);
  private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
  private final AtomicBoolean revoked = new AtomicBoolean();
  private final AtomicBoolean commentsForbiddenOnDone = new AtomicBoolean();
  private final AtomicLong injected = new AtomicLong();

  /** The next {@code n} requests answer 429 with {@code Retry-After} (whole seconds). */
  public Faults rateLimitNext(int n, Duration retryAfter) {
    this.retryAfter.set(retryAfter);
    rateLimited.set(n);
    return this;
  }

  /** Like {@link #rateLimitNext(int, Duration)}, with Jira's {@code RateLimit-Reason} header. */
  public Faults rateLimitNext(int n, Duration retryAfter, String reason) {
    rateLimitReason.set(reason);
    return rateLimitNext(n, retryAfter);
  }

  /** The next {@code n} requests answer 503 without being applied. */
  public Faults serverErrorNext(int n) {
    serverErrors.set(n);
    return this;
  }

  /**
   * The next {@code n} writes are applied, then answered 503: the client sees a failure although
   * the change is on the host (a proxy or gateway error after the backend committed).
   */
  public Faults serverErrorAfterApplyNext(int n) {
    return serverErrorAfterApplyNext(n, null);
  }

  /** Like {@link #serverErrorAfterApplyNext(int)} for writes with {@code method} only. */
  public Faults serverErrorAfterApplyNext(int n, String method) {
    writeMethod.set(method);
    serverErrorsAfterApply.set(n);
    return this;
  }

  /** The next {@code n} successful answers carry a truncated, malformed JSON body. */
  public Faults malformedNext(int n) {
    malformed.set(n);
    return this;
  }

  /**
   * The next {@code n} writes (PUT/POST/DELETE) are applied, then the connection is closed without
   * a complete answer: the client cannot know the outcome.
   */
  public Faults dropAfterApplyNext(int n) {
    return dropAfterApplyNext(n, null);
  }

  /** Like {@link #dropAfterApplyNext(int)} for writes with {@code method} only. */
  public Faults dropAfterApplyNext(int n, String method) {
    writeMethod.set(method);
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

  /** Comments on done/closed tickets are refused, as with Jira's {@code jira.issue.editable}. */
  public Faults forbidCommentsOnDone(boolean forbidden) {
    commentsForbiddenOnDone.set(forbidden);
    return this;
  }

  /** Switches every fault off. */
  public Faults reset() {
    rateLimited.set(0);
    serverErrors.set(0);
    serverErrorsAfterApply.set(0);
    malformed.set(0);
    dropAfterApply.set(0);
    writeMethod.set(null);
    delay.set(Duration.ZERO);
    revoked.set(false);
    commentsForbiddenOnDone.set(false);
    return this;
  }

  public boolean takeRateLimited() {
    return take(rateLimited);
  }

  public Duration retryAfter() {
    return retryAfter.get();
  }

  public String rateLimitReason() {
    return rateLimitReason.get();
  }

  public boolean takeServerError() {
    return take(serverErrors);
  }

  /** For a write with {@code method} that was applied: answer 503 instead of the result? */
  public boolean takeServerErrorAfterApply(String method) {
    return matches(method) && take(serverErrorsAfterApply);
  }

  public boolean takeMalformed() {
    return take(malformed);
  }

  /** For a write with {@code method} that was applied: drop the connection instead of answering? */
  public boolean takeDropAfterApply(String method) {
    return matches(method) && take(dropAfterApply);
  }

  public Duration delay() {
    Duration d = delay.get();
    if (!d.isZero()) injected.incrementAndGet();
    return d;
  }

  /** Faults served so far (counted faults taken and delayed answers); {@link #reset()} keeps it. */
  public long injected() {
    return injected.get();
  }

  public boolean revoked() {
    return revoked.get();
  }

  public boolean commentsForbiddenOnDone() {
    return commentsForbiddenOnDone.get();
  }

  private boolean matches(String method) {
    if ("GET".equals(method)) return false;
    String only = writeMethod.get();
    return only == null || only.equals(method);
  }

  private boolean take(AtomicInteger counter) {
    boolean taken = counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    if (taken) injected.incrementAndGet();
    return taken;
  }
}
