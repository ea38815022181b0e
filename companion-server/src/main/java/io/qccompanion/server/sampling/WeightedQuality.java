package io.qccompanion.server.sampling;

import java.util.List;

/**
 * Quality estimated from a risk-based sample without its bias: each evaluation weighs the inverse
 * of its ticket's inclusion probability. The Hájek ratio estimator {@code Σ(y/π) / Σ(1/π)} with a
 * 95 % interval from its linearised variance under Poisson sampling (each ticket drawn
 * independently, as our hash-based draw does) — {@code Σ (1-π)/π² (y - ŷ)² / N̂²}, Särndal,
 * Swensson and Wretman (1992) §5.7 — next to the plain sample mean, and Kish's effective sample
 * size {@code (Σw)² / Σw²}. With the population size known, the Horvitz–Thompson mean {@code Σ(y/π)
 * / N} too.
 *
 * @param n evaluations in the sample
 * @param plainMean the unweighted sample mean
 * @param plainLow lower end of its 95 % interval (normal, {@code s/√n})
 * @param weightedMean the Hájek estimate
 * @param weightedLow lower end of its 95 % interval
 * @param effectiveSampleSize Kish's n_eff; the interval is as wide as a simple random sample of
 *     this size would give
 * @param htMean Horvitz–Thompson mean, or null when the population size is not given
 */
public record WeightedQuality(
    int n,
    double plainMean,
    double plainLow,
    double plainHigh,
    double weightedMean,
    double weightedLow,
    double weightedHigh,
    double effectiveSampleSize,
    Double htMean) {

  /** The two-sided 95 % normal quantile. */
  public static final double Z95 = 1.959963984540054;

  /** One evaluated ticket: its score and the probability that the sample included it. */
  public record Observation(double score, double inclusionProbability) {
    public Observation {
      if (!(inclusionProbability > 0 && inclusionProbability <= 1))
        throw new IllegalArgumentException("inclusion probability must be in (0, 1]");
    }
  }

  /**
   * Estimates from a sample; null when it is empty.
   *
   * @param populationSize tickets in the frame the sample was drawn from, or null when unknown
   */
  public static WeightedQuality estimate(List<Observation> sample, Long populationSize) {
    int n = sample.size();
    if (n == 0) return null;
    double sum = 0;
    double weights = 0;
    double squaredWeights = 0;
    double weighted = 0;
    for (Observation o : sample) {
      double w = 1 / o.inclusionProbability();
      sum += o.score();
      weights += w;
      squaredWeights += w * w;
      weighted += w * o.score();
    }
    double plain = sum / n;
    double ss = 0;
    for (Observation o : sample) ss += (o.score() - plain) * (o.score() - plain);
    double plainHalf = n > 1 ? Z95 * Math.sqrt(ss / (n - 1) / n) : Double.NaN;
    double hajek = weighted / weights;
    double variance = 0;
    for (Observation o : sample) {
      double p = o.inclusionProbability();
      double e = o.score() - hajek;
      variance += (1 - p) / (p * p) * e * e;
    }
    variance /= weights * weights;
    double half = Z95 * Math.sqrt(variance);
    Double ht = populationSize == null ? null : weighted / populationSize;
    return new WeightedQuality(
        n,
        plain,
        plain - plainHalf,
        plain + plainHalf,
        hajek,
        hajek - half,
        hajek + half,
        weights * weights / squaredWeights,
        ht);
  }

  /**
   * Evaluations an agent needs for a 95 % interval of ± {@code margin} points: {@code n0 = (z σ /
   * E)²}, with the finite-population correction {@code n0 / (1 + (n0 - 1) / N)} when the agent's
   * closed tickets {@code N} are known, rounded up.
   *
   * @param sd the agent's score standard deviation (or a team's, for new agents)
   * @param population the agent's closed tickets in the period, or null
   */
  public static int sampleSize(double sd, double margin, Long population) {
    if (!(margin > 0)) throw new IllegalArgumentException("margin must be > 0");
    if (sd < 0) throw new IllegalArgumentException("sd must be ≥ 0");
    double n0 = Math.pow(Z95 * sd / margin, 2);
    double n = population == null ? n0 : n0 / (1 + (n0 - 1) / population);
    int size = (int) Math.ceil(n - 1e-9);
    if (population != null) size = (int) Math.min(size, population);
    return Math.max(size, 1);
  }
}
