package io.qccompanion.server.summaries;

import java.time.DayOfWeek;
import java.util.List;

/**
 * KPI targets of a team or the organisation.
 *
 * @param qualityPercent quality score at least this
 * @param csatPercent CSAT at least this
 * @param fcrPercent first-contact resolution at least this
 * @param ahtMinutes average handle time at most this
 * @param productionPerDay tickets an agent closes in a full shift; null until someone sets it
 * @param shiftHours hours in a shift; exception hours reduce the production target pro rata
 * @param workingDays days with a production target
 */
public record Targets(
    double qualityPercent,
    double csatPercent,
    double fcrPercent,
    double ahtMinutes,
    Double productionPerDay,
    double shiftHours,
    List<DayOfWeek> workingDays) {

  /**
   * Defaults from the SOP: quality 90 %, CSAT 85 %, FCR 75 %, AHT 6 min, 8-hour shifts on weekdays.
   * The SOP names no production figure, so there is no production target until one is set.
   */
  public static final Targets DEFAULTS =
      new Targets(
          90,
          85,
          75,
          6,
          null,
          8,
          List.of(
              DayOfWeek.MONDAY,
              DayOfWeek.TUESDAY,
              DayOfWeek.WEDNESDAY,
              DayOfWeek.THURSDAY,
              DayOfWeek.FRIDAY));

  /**
   * The production target for one day: {@code productionPerDay} reduced pro rata by exception hours
   * (40 a day, 8-hour shift, 2 h downtime gives 30); 0 on non-working days; null when no production
   * target is set.
   */
  public Double productionTarget(DayOfWeek day, double exceptionHours) {
    if (productionPerDay == null) return null;
    if (!workingDays.contains(day)) return 0.0;
    double available = Math.max(0, shiftHours - exceptionHours);
    return productionPerDay * available / shiftHours;
  }
}
