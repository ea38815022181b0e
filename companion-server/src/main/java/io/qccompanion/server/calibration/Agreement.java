package io.qccompanion.server.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Inter-rater reliability statistics: Krippendorff's alpha (nominal, ordinal, interval; tolerates
 * missing values) and Fleiss' kappa (complete data, nominal categories).
 */
final class Agreement {
  private Agreement() {}

  /** Which difference function alpha uses. */
  public enum Metric {
    NOMINAL,
    ORDINAL,
    INTERVAL
  }

  /**
   * Krippendorff's alpha, following Krippendorff (2011) "Computing Krippendorff's
   * Alpha-Reliability": a coincidence matrix over pairable values (units with at least two values),
   * then 1 - Do/De.
   *
   * @param units one list per unit holding the values the observers gave (missing values omitted)
   * @return alpha, or null when fewer than two pairable values exist or expected disagreement is 0
   */
  public static Double krippendorffAlpha(List<List<Double>> units, Metric metric) {
    Map<Double, Map<Double, Double>> o = new TreeMap<>();
    for (List<Double> unit : units) {
      int m = unit.size();
      if (m < 2) continue;
      for (int i = 0; i < m; i++)
        for (int j = 0; j < m; j++) {
          if (i == j) continue;
          o.computeIfAbsent(unit.get(i), k -> new TreeMap<>())
              .merge(unit.get(j), 1.0 / (m - 1), Double::sum);
        }
    }
    TreeSet<Double> values = new TreeSet<>(o.keySet());
    Map<Double, Double> marginals = new TreeMap<>();
    double n = 0;
    for (Double c : values) {
      double nc = o.get(c).values().stream().mapToDouble(Double::doubleValue).sum();
      marginals.put(c, nc);
      n += nc;
    }
    if (n < 2) return null;
    List<Double> ordered = new ArrayList<>(values);
    double observed = 0;
    double expected = 0;
    for (Double c : ordered)
      for (Double k : ordered) {
        double d = delta(metric, c, k, ordered, marginals);
        observed += o.get(c).getOrDefault(k, 0.0) * d;
        expected += marginals.get(c) * marginals.get(k) * d;
      }
    if (expected == 0) return null;
    return 1 - (n - 1) * observed / expected;
  }

  private static double delta(
      Metric metric, double c, double k, List<Double> ordered, Map<Double, Double> marginals) {
    return switch (metric) {
      case NOMINAL -> c == k ? 0 : 1;
      case INTERVAL -> (c - k) * (c - k);
      case ORDINAL -> {
        double lo = Math.min(c, k);
        double hi = Math.max(c, k);
        double sum = 0;
        for (Double g : ordered) if (g >= lo && g <= hi) sum += marginals.get(g);
        double v = sum - (marginals.get(c) + marginals.get(k)) / 2;
        yield v * v;
      }
    };
  }

  /**
   * Fleiss' kappa (Fleiss 1971) for {@code counts[subject][category]} = raters who put the subject
   * in the category; every subject must have the same number of raters.
   *
   * @return kappa, or null when it is undefined (one subject, one rater, or chance agreement 1)
   */
  public static Double fleissKappa(int[][] counts) {
    int subjects = counts.length;
    if (subjects == 0) return null;
    int categories = counts[0].length;
    int raters = 0;
    for (int v : counts[0]) raters += v;
    if (raters < 2) return null;
    double[] p = new double[categories];
    double pBar = 0;
    for (int[] row : counts) {
      int total = 0;
      double agree = 0;
      for (int j = 0; j < categories; j++) {
        total += row[j];
        p[j] += row[j];
        agree += (double) row[j] * (row[j] - 1);
      }
      if (total != raters)
        throw new IllegalArgumentException("every subject needs " + raters + " ratings");
      pBar += agree / ((double) raters * (raters - 1));
    }
    pBar /= subjects;
    double pe = 0;
    for (int j = 0; j < categories; j++) {
      double pj = p[j] / ((double) subjects * raters);
      pe += pj * pj;
    }
    if (pe == 1) return null;
    return (pBar - pe) / (1 - pe);
  }
}
