package io.qccompanion.connector.zendesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Keeps a sliding one-minute window of request start times and waits before a request that would
 * exceed {@code perMinute}. Zendesk limits the incremental export to 10 requests a minute (30 with
 * the high-volume add-on); waiting here is cheaper than collecting 429s.
 */
final class RequestRateLimiter {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int perMinute;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ArrayDeque<Instant> starts = new ArrayDeque<>();

  RequestRateLimiter(int perMinute, Clock clock, Sleeper sleeper) {
    if (perMinute < 1) throw new IllegalArgumentException("perMinute < 1");
    this.perMinute = perMinute;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Blocks until one more request fits in the window, then records it. */
  synchronized void acquire() throws InterruptedException {
    while (true) {
      Instant now = clock.instant();
      while (!starts.isEmpty() && !starts.peekFirst().plus(WINDOW).isAfter(now)) {
        starts.removeFirst();
      }
      if (starts.size() < perMinute) {
        starts.addLast(now);
        return;
      }
      sleeper.sleep(Duration.between(now, starts.peekFirst().plus(WINDOW)));
    }
  }
}
