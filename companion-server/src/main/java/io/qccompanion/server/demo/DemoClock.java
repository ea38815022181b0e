package io.qccompanion.server.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo's clock: follows the system clock, except while the demo replays past weeks of grading,
 * when it is pinned to a moment in that week so grades, tiers and samples carry their real dates.
 */
public final class DemoClock extends Clock {
  private volatile Instant pinned;

  /** Pins the clock at {@code instant}. */
  public void pin(Instant instant) {
    pinned = instant;
  }

  /** Follows the system clock again. */
  public void release() {
    pinned = null;
  }

  @Override
  public Instant instant() {
    Instant p = pinned;
    return p != null ? p : Instant.now();
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
