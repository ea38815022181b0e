package io.qccompanion.server.sampling;

import java.time.Instant;
import java.util.List;

/**
 * An agent's tier and the inputs that explain it.
 *
 * @param reasons human-readable reasons, e.g. "rolling mean 72.0 of last 5 < 80.0"
 * @param withinNewPeriod the agent is still in their first N tickets / W weeks (a NEW agent who is
 *     also AT_RISK is sampled at the higher of the two rates)
 */
record TierAssessment(
    String agentId, Tier tier, List<String> reasons, boolean withinNewPeriod, Inputs inputs) {

  /**
   * What the tier was computed from.
   *
   * @param recentScores latest first, as many as the largest window needs
   * @param rollingMean mean of the last {@code atRiskWindow} scores, or null without evaluations
   * @param provenMean mean of the last {@code provenWindow} scores, or null with fewer
   * @param raisedBecause another feature's reason to keep sampling raised, or null
   */
  public record Inputs(
      Instant startedAt,
      long weeksSinceStart,
      int evaluatedCount,
      List<Double> recentScores,
      Double rollingMean,
      Double provenMean,
      Instant lastCriticalFailAt,
      boolean recovered,
      String raisedBecause) {}

  /** The random-selection rate this assessment gets under {@code rates}. */
  public double rate(SamplingPolicy.Rates rates) {
    double rate = rates.of(tier);
    return withinNewPeriod ? Math.max(rate, rates.of(Tier.NEW)) : rate;
  }
}
