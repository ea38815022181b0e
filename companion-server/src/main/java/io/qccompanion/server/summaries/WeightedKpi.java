package io.qccompanion.server.summaries;

import io.qccompanion.server.sampling.WeightedQuality;

/**
 * Quality without the bias of risk-based sampling, next to the plain mean of the same evaluations:
 * each evaluation weighs the inverse of the probability the sampling design gave its ticket (the
 * Hájek estimator, {@link WeightedQuality}). Evaluations without a design probability (manual
 * samples, decisions stored before probabilities were) are left out and counted.
 *
 * @param method {@code hajek}
 * @param evaluations evaluations with a design probability: the estimate's sample
 * @param withoutProbability counted evaluations left out for want of a probability
 * @param samplePercent the plain mean of the same evaluations
 * @param weightedPercent the design-weighted estimate
 * @param low lower end of its 95 % interval (null below two evaluations)
 * @param high upper end of its 95 % interval (null below two evaluations)
 * @param effectiveSampleSize Kish's n_eff {@code (Σw)² / Σw²}: the interval is as wide as a simple
 *     random sample of this size would give
 */
public record WeightedKpi(
    String method,
    long evaluations,
    long withoutProbability,
    Double samplePercent,
    Double weightedPercent,
    Double low,
    Double high,
    Double effectiveSampleSize) {

  static WeightedKpi of(WeightedQuality q, long withoutProbability) {
    if (q == null)
      return new WeightedKpi("hajek", 0, withoutProbability, null, null, null, null, null);
    boolean interval = q.n() >= 2;
    return new WeightedKpi(
        "hajek",
        q.n(),
        withoutProbability,
        Kpi.round(q.plainMean()),
        Kpi.round(q.weightedMean()),
        interval ? Kpi.round(Math.max(0, q.weightedLow())) : null,
        interval ? Kpi.round(Math.min(100, q.weightedHigh())) : null,
        Kpi.round(q.effectiveSampleSize()));
  }
}
