package io.qccompanion.server.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delay before the next attempt: exponential from {@code base}, capped, with ±20% jitter so rows
 * failing together do not retry together; never shorter than the host's Retry-After.
 */
record Backoff(Duration base, Duration max, RandomGenerator random) {

  Duration after(int attempts, Duration retryAfter) {
    long exp = base.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
    long capped = Math.min(exp, max.toMillis());
    long jittered = (long) (capped * (0.8 + 0.4 * random.nextDouble()));
    long floor = retryAfter == null ? 0 : retryAfter.toMillis();
    return Duration.ofMillis(Math.max(jittered, floor));
  }
}
