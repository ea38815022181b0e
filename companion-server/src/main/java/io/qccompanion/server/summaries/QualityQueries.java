package io.qccompanion.server.summaries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Quality KPIs computed from scratch over the evaluations table (any grouping and range). */
final class QualityQueries {
  static final String SUMS =
      """
      COUNT(*) AS n, SUM(ev.score) AS score_sum,
      SUM(COALESCE(ev.passed, 0)) AS passed_n, SUM(ev.critical_fail) AS critical_n,
      SUM(CASE WHEN ev.score < 50 THEN 1 ELSE 0 END) AS b0,
      SUM(CASE WHEN ev.score >= 50 AND ev.score < 70 THEN 1 ELSE 0 END) AS b1,
      SUM(CASE WHEN ev.score >= 70 AND ev.score < 80 THEN 1 ELSE 0 END) AS b2,
      SUM(CASE WHEN ev.score >= 80 AND ev.score < 90 THEN 1 ELSE 0 END) AS b3,
      SUM(CASE WHEN ev.score >= 90 THEN 1 ELSE 0 END) AS b4
      """;

  /** Quality sums per group and slot; groupings without an evaluation key give an empty map. */
  public Map<Cell, QualityStats> grouped(
      Handle h, Scope scope, GroupBy groupBy, List<Period.Slot> slots) {
    Map<Cell, QualityStats> out = new LinkedHashMap<>();
    if (groupBy.evaluationKey == null || groupBy == GroupBy.CRITERION) return out;
    boolean tickets = groupBy.needsTickets() || scope.host() != null;
    String sql =
        SqlScope.slotsCte(slots)
            + "SELECT "
            + groupBy.evaluationKey
            + " AS g, b.k AS k, "
            + SUMS
            + " FROM evaluations ev JOIN b ON ev.submitted_at >= b.s AND ev.submitted_at < b.e"
            + (tickets ? " JOIN tickets t ON t.id = ev.ticket_id" : "")
            + (groupBy == GroupBy.SCORECARD
                ? " JOIN scorecard_versions sv ON sv.id = ev.scorecard_version_id"
                : "")
            + " WHERE "
            + SqlScope.COUNTED
            + " AND ev.submitted_at >= :from AND ev.submitted_at < :to"
            + SqlScope.evaluationFilter(scope)
            + " GROUP BY "
            + GroupBy.groupList(groupBy.evaluationKey);
    var q = h.createQuery(sql);
    SqlScope.bindSlots(q, slots);
    SqlScope.bind(q, scope);
    q.bind("from", slots.get(0).startMillis()).bind("to", slots.get(slots.size() - 1).endMillis());
    q.map(
            (rs, ctx) ->
                Map.entry(
                    new Cell(nonNull(rs.getString("g")), rs.getInt("k")), QualityStats.of(rs)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
