package io.qccompanion.server.coaching;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Measures an agent's quality from regular submitted evaluations (calibration grades never count):
 * mean score, pass rate, or a criterion's pass rate, in percent.
 */
final class QualityMeasure {
  private QualityMeasure() {}

  /** A measured value over {@code count} evaluations (value null when count is 0). */
  record Result(Double value, int count) {}

  /** The first {@code limit} evaluations submitted in [from, to) for the agent. */
  static Result measure(
      Handle h, String agentId, String measure, String criterionId, long from, long to, int limit) {
    return measure(h, agentId, measure, criterionId, from, to, limit, false);
  }

  /** The last {@code limit} evaluations submitted before {@code to}: the baseline of a plan. */
  static Result before(
      Handle h, String agentId, String measure, String criterionId, long to, int limit) {
    return measure(h, agentId, measure, criterionId, Long.MIN_VALUE, to, limit, true);
  }

  /** How a person reads the measure: "pass rate", "criterion Empathy pass rate". */
  static String label(Handle h, String measure, String criterionId) {
    return switch (measure) {
      case "QUALITY_SCORE" -> "quality score";
      case "PASS_RATE" -> "pass rate";
      default ->
          "criterion "
              + h.createQuery(
                      "SELECT criterion FROM evaluation_answers WHERE criterion_id = :c LIMIT 1")
                  .bind("c", criterionId)
                  .mapTo(String.class)
                  .findOne()
                  .orElse(criterionId)
              + " pass rate";
    };
  }

  private static Result measure(
      Handle h,
      String agentId,
      String measure,
      String criterionId,
      long from,
      long to,
      int limit,
      boolean newestFirst) {
    List<double[]> rows =
        h.createQuery(
                """
                SELECT e.score, e.passed,
                  (SELECT MAX(a.failed) FROM evaluation_answers a
                   WHERE a.evaluation_id = e.id AND a.criterion_id = :crit AND a.not_applicable = 0) AS crit_failed
                FROM evaluations e
                WHERE e.agent_id = :agent AND e.kind = 'REGULAR' AND e.status <> 'DRAFT'
                  AND e.submitted_at >= :from AND e.submitted_at < :to
                ORDER BY e.submitted_at <order>, e.id <order>
                """)
            .define("order", newestFirst ? "DESC" : "ASC")
            .bind("crit", criterionId == null ? "" : criterionId)
            .bind("agent", agentId)
            .bind("from", from)
            .bind("to", to)
            .map(
                (rs, ctx) -> {
                  double score = rs.getDouble("score");
                  double s = rs.wasNull() ? Double.NaN : score;
                  int passed = rs.getInt("passed");
                  double p = rs.wasNull() ? Double.NaN : passed;
                  int failed = rs.getInt("crit_failed");
                  double c = rs.wasNull() ? Double.NaN : failed;
                  return new double[] {s, p, c};
                })
            .list();
    int column =
        switch (measure) {
          case "QUALITY_SCORE" -> 0;
          case "PASS_RATE" -> 1;
          default -> 2;
        };
    double sum = 0;
    int n = 0;
    for (double[] row : rows) {
      if (n >= limit) break;
      double v = row[column];
      if (Double.isNaN(v)) continue;
      sum += column == 0 ? v : column == 1 ? v * 100 : (1 - v) * 100;
      n++;
    }
    return new Result(n == 0 ? null : sum / n, n);
  }
}
