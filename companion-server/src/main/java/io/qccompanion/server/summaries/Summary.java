package io.qccompanion.server.summaries;

import java.util.List;

/**
 * A summary answer: rows per group and bucket, the whole selection's totals against the previous
 * period of equal length, and the side tables.
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
    String qualitySource) {}
