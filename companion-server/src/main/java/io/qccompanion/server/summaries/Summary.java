package io.qccompanion.server.summaries;

import java.util.List;

/**
 * A summary answer: rows per group and bucket, the whole selection's totals against the previous
 * period of equal length, and the side tables. {@code partial} says the period is not over yet;
 * {@code partialBuckets} lists the buckets (by start) that are clipped or not over, which trend
 * lines leave out.
 */
public record Summary(
    Period period,
    Period previousPeriod,
    String groupBy,
    String bucket,
    Targets targets,
    SummaryRow total,
    List<SummaryRow> rows,
    List<Insights.CriterionFailures> topFailingCriteria,
    List<Insights.RootCause> rootCauses,
    Insights.Disputes disputes,
    List<Insights.Calibration> calibration,
    Insights.Sampling sampling,
    String qualitySource,
    boolean partial,
    List<java.time.LocalDate> partialBuckets) {

  /** The same summary with other rows (a ranked league table). */
  public Summary withRows(List<SummaryRow> ranked) {
    return new Summary(
        period,
        previousPeriod,
        groupBy,
        bucket,
        targets,
        total,
        ranked,
        topFailingCriteria,
        rootCauses,
        disputes,
        calibration,
        sampling,
        qualitySource,
        partial,
        partialBuckets);
  }
}
