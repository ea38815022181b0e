package io.qccompanion.server.sampling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** ISO weeks (Monday 00:00 UTC) and business days (Monday to Friday, UTC). */
final class Weeks {
  public static final Duration WEEK = Duration.ofDays(7);

  private Weeks() {}

  /** Monday 00:00 UTC of the ISO week containing {@code at}. */
  public static Instant start(Instant at) {
    return at.atZone(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.DAYS)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .toInstant();
  }

  /** {@code from} plus {@code days} business days, keeping the time of day; weekends skipped. */
  public static Instant plusBusinessDays(Instant from, int days) {
    ZonedDateTime t = from.atZone(ZoneOffset.UTC);
    while (isWeekend(t)) t = t.plusDays(1).truncatedTo(ChronoUnit.DAYS);
    for (int added = 0; added < days; ) {
      t = t.plusDays(1);
      if (!isWeekend(t)) added++;
    }
    return t.toInstant();
  }

  private static boolean isWeekend(ZonedDateTime t) {
    return t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
