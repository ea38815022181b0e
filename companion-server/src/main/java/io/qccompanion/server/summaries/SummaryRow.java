package io.qccompanion.server.summaries;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One group and bucket of a summary. Quality fields come from counted evaluations, ticket fields
 * from tickets solved in the bucket; fields that do not apply to the grouping are absent.
 *
 * @param groupKey id of the agent, team, QC, scorecard, criterion, connection; host or root cause
 *     name; empty when ungrouped
 * @param groupLabel display name of the group, where it has one
 * @param bucketStart first day of the bucket (week: Monday); the period start for bucket none
 * @param evaluations counted evaluations (criterion rows: answers that were not N/A)
 * @param qualityPercent mean quality score
 * @param passRatePercent share of evaluations that passed
 * @param criticalFails evaluations with a critical fail
 * @param scoreDistribution evaluations per score band
 * @param failed failed answers (criterion and root-cause rows)
 * @param failRatePercent failed / evaluations (criterion rows)
 * @param ticketsClosed tickets solved
 * @param csatPercent good / rated CSAT
 * @param csatRated tickets with a CSAT rating
 * @param fcrPercent tickets solved without a reopen / tickets solved
 * @param ahtMinutesMean mean handle time in minutes
 * @param ahtMinutesP50 median handle time in minutes (nearest rank)
 * @param ahtMinutesP90 90th percentile handle time in minutes (nearest rank)
 * @param coveragePercent solved tickets with a counted evaluation / tickets solved
 * @param offTarget names of the KPIs that miss their target
 * @param weightedQuality the design-weighted quality next to the plain mean {@code qualityPercent}:
 *     on the total and on team rows without buckets only
 */
public record SummaryRow(
    String groupKey,
    String groupLabel,
    LocalDate bucketStart,
    Long evaluations,
    Kpi qualityPercent,
    Double passRatePercent,
    Long criticalFails,
    Map<String, Long> scoreDistribution,
    Long failed,
    Double failRatePercent,
    Long ticketsClosed,
    Kpi csatPercent,
    Long csatRated,
    Kpi fcrPercent,
    Kpi ahtMinutesMean,
    Double ahtMinutesP50,
    Double ahtMinutesP90,
    Double coveragePercent,
    List<String> offTarget,
    WeightedKpi weightedQuality) {

  /** This row with the design-weighted quality estimate. */
  SummaryRow withWeighted(WeightedKpi weighted) {
    return new SummaryRow(
        groupKey,
        groupLabel,
        bucketStart,
        evaluations,
        qualityPercent,
        passRatePercent,
        criticalFails,
        scoreDistribution,
        failed,
        failRatePercent,
        ticketsClosed,
        csatPercent,
        csatRated,
        fcrPercent,
        ahtMinutesMean,
        ahtMinutesP50,
        ahtMinutesP90,
        coveragePercent,
        offTarget,
        weighted);
  }
}
