package io.qccompanion.connector.http;

import io.qccompanion.model.ConnectionOption;
import io.qccompanion.model.ConnectionSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * How many requests one connection may send per minute and per hour, shared by everything that
 * talks to the host over the connection (sync, write-back, checks). {@link #acquire()} waits before
 * a request that would exceed a window; waiting here is cheaper than collecting 429s. A 429's
 * Retry-After {@linkplain #hold(Duration) holds} every other caller until it has passed, so
 * write-back does not keep hitting a host that just asked sync to slow down. Thread-safe.
 */
public final class RequestBudget {
  /** Option: requests per minute for the whole connection; 0 or empty for no limit. */
  public static final String PER_MINUTE = "http.requestsPerMinute";

  /** Option: requests per hour for the whole connection; 0 or empty for no limit. */
  public static final String PER_HOUR = "http.requestsPerHour";

  /** The two options, as connectors declare them to admins. */
  public static final List<ConnectionOption> OPTIONS =
      List.of(
          ConnectionOption.builder(PER_MINUTE)
              .type(ConnectionOption.Type.INTEGER)
              .defaultValue("0")
              .help(
                  "Most requests a minute this connection sends, sync and write-back together"
                      + " (leave room for other integrations); 0 = no limit beyond the host's"
                      + " 429s.")
              .build(),
          ConnectionOption.builder(PER_HOUR)
              .type(ConnectionOption.Type.INTEGER)
              .defaultValue("0")
              .help("Most requests an hour this connection sends; 0 = no limit.")
              .build());

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration HOUR = Duration.ofHours(1);

  private final int perMinute;
  private final int perHour;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ArrayDeque<Instant> lastMinute = new ArrayDeque<>();
  private final ArrayDeque<Instant> lastHour = new ArrayDeque<>();
  private Instant heldUntil = Instant.MIN;
  private Thread holder;

  /**
   * @param perMinute requests a minute, 0 for no limit
   * @param perHour requests an hour, 0 for no limit
   */
  public RequestBudget(int perMinute, int perHour, Clock clock, Sleeper sleeper) {
    if (perMinute < 0) throw new IllegalArgumentException("perMinute < 0");
    if (perHour < 0) throw new IllegalArgumentException("perHour < 0");
    if (clock == null) throw new IllegalArgumentException("clock == null");
    if (sleeper == null) throw new IllegalArgumentException("sleeper == null");
    this.perMinute = perMinute;
    this.perHour = perHour;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** The budget the connection's options {@link #PER_MINUTE} and {@link #PER_HOUR} describe. */
  public static RequestBudget of(ConnectionSettings settings, Clock clock, Sleeper sleeper) {
    return new RequestBudget(
        count(settings, PER_MINUTE), count(settings, PER_HOUR), clock, sleeper);
  }

  public int perMinute() {
    return perMinute;
  }

  public int perHour() {
    return perHour;
  }

  /**
   * Blocks until one more request fits in both windows (and past another caller's 429 hold), then
   * records it.
   */
  public void acquire() throws InterruptedException {
    Duration hold = holdLeft();
    // Slept once, not re-checked: a later 429 sets a new hold that its own caller waits out.
    if (!hold.isZero()) sleeper.sleep(hold);
    if (perMinute == 0 && perHour == 0) return;
    while (true) {
      Duration wait;
      synchronized (this) {
        Instant now = clock.instant();
        prune(lastMinute, now.minus(MINUTE));
        prune(lastHour, now.minus(HOUR));
        wait = Duration.ZERO;
        if (perMinute > 0 && lastMinute.size() >= perMinute)
          wait = Duration.between(now, lastMinute.peekFirst().plus(MINUTE));
        if (perHour > 0 && lastHour.size() >= perHour)
          wait = max(wait, Duration.between(now, lastHour.peekFirst().plus(HOUR)));
        if (wait.isZero() || wait.isNegative()) {
          if (perMinute > 0) lastMinute.addLast(now);
          if (perHour > 0) lastHour.addLast(now);
          return;
        }
      }
      sleeper.sleep(wait);
    }
  }

  /**
   * Holds every caller but this thread for {@code wait} (a 429's Retry-After); this thread waits in
   * its own retry loop, or gives up and lets the server reschedule.
   */
  public synchronized void hold(Duration wait) {
    Instant until = clock.instant().plus(wait);
    if (until.isAfter(heldUntil)) {
      heldUntil = until;
      holder = Thread.currentThread();
    }
  }

  private synchronized Duration holdLeft() {
    if (holder == Thread.currentThread()) return Duration.ZERO;
    Duration left = Duration.between(clock.instant(), heldUntil);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static void prune(ArrayDeque<Instant> starts, Instant windowStart) {
    while (!starts.isEmpty() && !starts.peekFirst().isAfter(windowStart)) starts.removeFirst();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static int count(ConnectionSettings settings, String key) {
    String value = settings.option(key, null);
    if (value == null || value.isBlank()) return 0;
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0) return n;
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        "option " + key + " must be a whole number of at least 0, was '" + value + "'");
  }
}
