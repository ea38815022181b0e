package io.qccompanion.server.summaries;

/**
 * Sums over counted evaluations: how many, score total, passes, critical fails and the score
 * distribution (bands: below 50, 50-70, 70-80, 80-90, 90 and above).
 */
record QualityStats(long n, double scoreSum, long passed, long critical, long[] bands) {
  /** Band labels, in {@link #bands} order. */
  public static final String[] BAND_LABELS = {"0-50", "50-70", "70-80", "80-90", "90-100"};

  public static QualityStats empty() {
    return new QualityStats(0, 0, 0, 0, new long[5]);
  }

  /** The distribution band of a score. */
  public static int band(double score) {
    if (score < 50) return 0;
    if (score < 70) return 1;
    if (score < 80) return 2;
    if (score < 90) return 3;
    return 4;
  }

  /** The sum of this and {@code o}. */
  public QualityStats plus(QualityStats o) {
    long[] b = new long[5];
    for (int i = 0; i < 5; i++) b[i] = bands[i] + o.bands[i];
    return new QualityStats(
        n + o.n, scoreSum + o.scoreSum, passed + o.passed, critical + o.critical, b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof QualityStats q
        && n == q.n
        && Math.abs(scoreSum - q.scoreSum) < 1e-6
        && passed == q.passed
        && critical == q.critical
        && java.util.Arrays.equals(bands, q.bands);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(n) * 31 + Long.hashCode(passed);
  }

  @Override
  public String toString() {
    return "QualityStats[n=%d, scoreSum=%.3f, passed=%d, critical=%d, bands=%s]"
        .formatted(n, scoreSum, passed, critical, java.util.Arrays.toString(bands));
  }

  static QualityStats of(java.sql.ResultSet rs) throws java.sql.SQLException {
    long[] b = new long[5];
    for (int i = 0; i < 5; i++) b[i] = rs.getLong("b" + i);
    return new QualityStats(
        rs.getLong("n"),
        rs.getDouble("score_sum"),
        rs.getLong("passed_n"),
        rs.getLong("critical_n"),
        b);
  }
}
