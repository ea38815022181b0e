package io.qccompanion.connector.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when the code using it sleeps (or is told to {@link #advance}), recording
 * every sleep: for tests and simulations of the retry loop and request budgets, so that waits of
 * minutes take no time. Thread-safe.
 */
public final class ManualTime extends Clock implements Sleeper {
  private Instant now;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public ManualTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now = now.plus(duration);
  }

  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Every sleep so far, in order. */
  public List<Duration> sleeps() {
    return sleeps;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
