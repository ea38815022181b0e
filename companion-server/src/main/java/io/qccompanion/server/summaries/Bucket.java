package io.qccompanion.server.summaries;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** Time buckets of a summary; weeks start on Monday, all in UTC. */
public enum Bucket {
  DAY,
  WEEK,
  MONTH,
  NONE;

  /** The start of the bucket holding {@code day} ({@code periodStart} for {@link #NONE}). */
  public LocalDate startOf(LocalDate day, LocalDate periodStart) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case NONE -> periodStart;
    };
  }

  /** The first day after the bucket starting at {@code start}. */
  LocalDate next(LocalDate start, LocalDate periodEndExclusive) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case NONE -> periodEndExclusive;
    };
  }
}
