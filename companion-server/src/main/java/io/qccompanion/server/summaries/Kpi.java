package io.qccompanion.server.summaries;

/**
 * A KPI value against its target.
 *
 * @param value the measured value, or null when there is nothing to measure
 * @param target the target
 * @param comparator {@code >=} (at least) or {@code <=} (at most)
 * @param onTarget whether the value meets the target; null without a value
 * @param previous the value in the previous period of equal length, where computed
 * @param delta {@code value - previous}, where both exist
 */
public record Kpi(
    Double value,
    double target,
    String comparator,
    Boolean onTarget,
    Double previous,
    Double delta) {

  /** A value that should be at least {@code target}. */
  public static Kpi atLeast(Double value, double target) {
    Double v = round(value);
    return new Kpi(v, target, ">=", v == null ? null : v >= target, null, null);
  }

  /** A value that should be at most {@code target}. */
  public static Kpi atMost(Double value, double target) {
    Double v = round(value);
    return new Kpi(v, target, "<=", v == null ? null : v <= target, null, null);
  }

  /** This KPI with the previous period's value and the change since. */
  public Kpi versus(Kpi earlier) {
    if (earlier == null) return this;
    Double p = earlier.value;
    Double d = value == null || p == null ? null : round(value - p);
    return new Kpi(value, target, comparator, onTarget, p, d);
  }

  /** Whether the KPI has a value that misses the target. */
  public boolean off() {
    return Boolean.FALSE.equals(onTarget);
  }

  /** Rounds to two decimals (null stays null). */
  public static Double round(Double v) {
    if (v == null || v.isNaN() || v.isInfinite()) return null;
    return Math.round(v * 100.0) / 100.0;
  }

  /** {@code part / whole * 100}, or null when {@code whole} is 0. */
  public static Double percent(long part, long whole) {
    return whole == 0 ? null : round(part * 100.0 / whole);
  }
}
