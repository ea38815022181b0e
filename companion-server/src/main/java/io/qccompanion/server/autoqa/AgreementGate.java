package io.qccompanion.server.autoqa;

import io.qccompanion.server.calibration.Agreement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Whether an automatic criterion may count in the summaries: Krippendorff's alpha between the
 * automatic and the human answer over the tickets graded both ways, with a 95 % percentile
 * bootstrap interval (tickets resampled with replacement, fixed seed, so the same pairs always give
 * the same interval) and the confusion matrix. Open when alpha ≥ {@code minAlpha} on at least
 * {@code minPairs} tickets; otherwise the criterion stays a suggestion.
 */
final class AgreementGate {
  /** Krippendorff's smallest alpha for tentative conclusions. */
  public static final double DEFAULT_MIN_ALPHA = 0.667;

  public static final int DEFAULT_MIN_PAIRS = 200;
  public static final int DEFAULT_RESAMPLES = 1000;
  public static final long DEFAULT_SEED = 20261201L;

  /** One ticket graded both ways. */
  public record Pair(double automatic, double human) {}

  /** Whether the automatic answer counts. */
  public enum State {
    OPEN,
    SUGGESTION_ONLY
  }

  /**
   * The gate for one criterion.
   *
   * @param alpha null when undefined (fewer than two pairs, or one value only)
   * @param low 2.5th percentile of the bootstrap alphas, null when undefined
   * @param high 97.5th percentile, null when undefined
   * @param values the scale values seen, ascending; rows and columns of {@code confusion}
   * @param confusion {@code confusion[i][j]} = tickets the machine answered {@code values[i]} and
   *     the human {@code values[j]}
   */
  public record Report(
      int pairs,
      Double alpha,
      Double low,
      Double high,
      List<Double> values,
      int[][] confusion,
      State state,
      String reason) {}

  private final double minAlpha;
  private final int minPairs;
  private final int resamples;
  private final long seed;

  public AgreementGate(double minAlpha, int minPairs, int resamples, long seed) {
    if (minPairs < 2) throw new IllegalArgumentException("minPairs < 2");
    if (resamples < 100) throw new IllegalArgumentException("resamples < 100");
    this.minAlpha = minAlpha;
    this.minPairs = minPairs;
    this.resamples = resamples;
    this.seed = seed;
  }

  /** alpha ≥ 0.667 on ≥ 200 tickets, 1,000 resamples. */
  public static AgreementGate defaults() {
    return new AgreementGate(DEFAULT_MIN_ALPHA, DEFAULT_MIN_PAIRS, DEFAULT_RESAMPLES, DEFAULT_SEED);
  }

  /** Measures agreement; {@code metric} follows the scale (nominal for yes/no, ordinal for 1-5). */
  public Report evaluate(List<Pair> pairs, Agreement.Metric metric) {
    Double alpha = alpha(pairs, metric);
    Double low = null;
    Double high = null;
    if (alpha != null) {
      SplittableRandom random = new SplittableRandom(seed);
      double[] boot = new double[resamples];
      int defined = 0;
      List<Pair> sample = new ArrayList<>(pairs.size());
      for (int b = 0; b < resamples; b++) {
        sample.clear();
        for (int i = 0; i < pairs.size(); i++) sample.add(pairs.get(random.nextInt(pairs.size())));
        Double a = alpha(sample, metric);
        if (a != null) boot[defined++] = a; // a resample with one value only has no alpha
      }
      if (defined > 0) {
        double[] sorted = Arrays.copyOf(boot, defined);
        Arrays.sort(sorted);
        low = percentile(sorted, 0.025);
        high = percentile(sorted, 0.975);
      }
    }
    TreeSet<Double> seen = new TreeSet<>();
    for (Pair p : pairs) {
      seen.add(p.automatic());
      seen.add(p.human());
    }
    List<Double> values = List.copyOf(seen);
    int[][] confusion = new int[values.size()][values.size()];
    for (Pair p : pairs) confusion[values.indexOf(p.automatic())][values.indexOf(p.human())]++;
    State state;
    String reason;
    if (pairs.size() < minPairs) {
      state = State.SUGGESTION_ONLY;
      reason = "%d of %d double-scored tickets".formatted(pairs.size(), minPairs);
    } else if (alpha == null || alpha < minAlpha) {
      state = State.SUGGESTION_ONLY;
      reason =
          alpha == null ? "alpha is undefined" : "alpha %.3f below %.3f".formatted(alpha, minAlpha);
    } else {
      state = State.OPEN;
      reason = "alpha %.3f on %d tickets".formatted(alpha, pairs.size());
    }
    return new Report(pairs.size(), alpha, low, high, values, confusion, state, reason);
  }

  private static Double alpha(List<Pair> pairs, Agreement.Metric metric) {
    List<List<Double>> units = new ArrayList<>(pairs.size());
    for (Pair p : pairs) units.add(List.of(p.automatic(), p.human()));
    return Agreement.krippendorffAlpha(units, metric);
  }

  /** Linear interpolation between closest ranks (type 7, as R's default). */
  static double percentile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
