package io.qccompanion.server.summaries;

import io.qccompanion.server.domain.Invalid;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of whole UTC days, {@code from} and {@code to} inclusive.
 *
 * @param from first day
 * @param to last day (inclusive)
 */
public record Period(LocalDate from, LocalDate to) {
  /** Longest period a request may ask for. */
  public static final int MAX_DAYS = 3 * 366;

  /** Most buckets one answer holds. */
  public static final int MAX_BUCKETS = 400;

  public Period {
    if (to.isBefore(from)) throw Invalid.malformed("to", "to must not be before from");
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS)
      throw Invalid.malformed("to", "a period may span at most " + MAX_DAYS + " days");
  }

  /**
   * Reads {@code from}/{@code to} (ISO dates) or {@code period=day|week|4weeks|month|quarter} (the
   * one holding {@code today}; 4weeks: the current week and the three before); defaults to the
   * current week.
   */
  public static Period parse(String from, String to, String period, LocalDate today) {
    if (from != null || to != null) {
      if (from == null) throw Invalid.malformed("from", "from is required with to");
      if (to == null) throw Invalid.malformed("to", "to is required with from");
      return new Period(date(from, "from"), date(to, "to"));
    }
    String kind = period == null ? "week" : period.strip().toLowerCase(java.util.Locale.ROOT);
    return switch (kind) {
      case "day" -> new Period(today, today);
      case "week" -> {
        LocalDate start = Bucket.WEEK.startOf(today, today);
        yield new Period(start, start.plusDays(6));
      }
      case "4weeks" -> {
        LocalDate start = Bucket.WEEK.startOf(today, today).minusWeeks(3);
        yield new Period(start, start.plusDays(27));
      }
      case "month" ->
          new Period(today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()));
      case "quarter" -> {
        LocalDate start =
            today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        yield new Period(start, start.plusMonths(3).minusDays(1));
      }
      default ->
          throw Invalid.malformed(
              "period", "period must be one of day, week, 4weeks, month, quarter");
    };
  }

  static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Invalid.malformed(field, field + " must be an ISO date like 2026-11-02");
    }
  }

  /** Number of days in the period. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The period of equal length just before this one. */
  public Period previous() {
    return new Period(from.minusDays(days()), from.minusDays(1));
  }

  /** Start instant, epoch millis. */
  public long startMillis() {
    return millis(from);
  }

  /** End instant (exclusive), epoch millis. */
  public long endMillis() {
    return millis(to.plusDays(1));
  }

  static long millis(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** Whether the period is made of whole Monday-to-Sunday weeks. */
  public boolean wholeWeeks() {
    return from.getDayOfWeek() == java.time.DayOfWeek.MONDAY && days() % 7 == 0;
  }

  /** The buckets covering this period, each clipped to it. */
  public List<Slot> slots(Bucket bucket) {
    List<Slot> slots = new ArrayList<>();
    LocalDate end = to.plusDays(1);
    LocalDate start = bucket.startOf(from, from);
    while (start.isBefore(end)) {
      LocalDate next = bucket.next(start, end);
      LocalDate s = start.isBefore(from) ? from : start;
      LocalDate e = next.isAfter(end) ? end : next;
      slots.add(new Slot(slots.size(), start, millis(s), millis(e)));
      if (slots.size() > MAX_BUCKETS)
        throw Invalid.malformed("bucket", "too many buckets: choose a coarser bucket");
      start = next;
    }
    return slots;
  }

  /**
   * Whether a bucket is partial: clipped by the period, or not over yet on {@code today}. Trend
   * lines leave partial buckets out.
   */
  public boolean partial(Slot slot, Bucket bucket, LocalDate today) {
    LocalDate end = bucket.next(slot.label(), to.plusDays(1));
    boolean clipped = slot.startMillis() != millis(slot.label()) || slot.endMillis() != millis(end);
    return clipped || end.isAfter(today);
  }

  /** One bucket: its label (natural start) and its clipped range in epoch millis. */
  public record Slot(int index, LocalDate label, long startMillis, long endMillis) {}
}
