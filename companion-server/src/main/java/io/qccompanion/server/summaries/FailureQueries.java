package io.qccompanion.server.summaries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Per-criterion and per-root-cause failure counts by bucket, for criterion and RCA rows. */
final class FailureQueries {
  /** Answers (not N/A) and failures per criterion and slot; labels into {@code names}. */
  Map<Cell, long[]> criteria(
      Handle h, Scope scope, List<Period.Slot> slots, Map<String, String> names) {
    var q =
        h.createQuery(
            SqlScope.slotsCte(slots)
                + "SELECT a.criterion_id AS g, b.k AS k, MIN(a.criterion) AS label,"
                + " COUNT(*) AS answered, SUM(a.failed) AS failed"
                + " FROM evaluation_answers a JOIN evaluations ev ON ev.id = a.evaluation_id"
                + " JOIN b ON ev.submitted_at >= b.s AND ev.submitted_at < b.e"
                + (scope.host() != null ? " JOIN tickets t ON t.id = ev.ticket_id" : "")
                + " WHERE a.not_applicable = 0 AND "
                + SqlScope.COUNTED
                + " AND ev.submitted_at >= :from AND ev.submitted_at < :to"
                + SqlScope.evaluationFilter(scope)
                + " GROUP BY a.criterion_id, b.k");
    bind(q, scope, slots);
    Map<Cell, long[]> out = new LinkedHashMap<>();
    q.map(
            (rs, ctx) -> {
              names.put(rs.getString("g"), rs.getString("label"));
              return Map.entry(
                  new Cell(rs.getString("g"), rs.getInt("k")),
                  new long[] {rs.getLong("answered"), rs.getLong("failed")});
            })
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Failed answers naming each root cause, per slot. */
  Map<Cell, Long> rootCauses(Handle h, Scope scope, List<Period.Slot> slots) {
    var q =
        h.createQuery(
            SqlScope.slotsCte(slots)
                + "SELECT b.k AS k, a.root_causes AS rc, COUNT(*) AS n"
                + " FROM evaluation_answers a JOIN evaluations ev ON ev.id = a.evaluation_id"
                + " JOIN b ON ev.submitted_at >= b.s AND ev.submitted_at < b.e"
                + (scope.host() != null ? " JOIN tickets t ON t.id = ev.ticket_id" : "")
                + " WHERE a.failed = 1 AND "
                + SqlScope.COUNTED
                + " AND ev.submitted_at >= :from AND ev.submitted_at < :to"
                + SqlScope.evaluationFilter(scope)
                + " GROUP BY b.k, a.root_causes");
    bind(q, scope, slots);
    Map<Cell, Long> out = new LinkedHashMap<>();
    q.map((rs, ctx) -> new Object[] {rs.getInt("k"), rs.getString("rc"), rs.getLong("n")})
        .forEach(
            r ->
                Insights.names((String) r[1])
                    .forEach(
                        name -> out.merge(new Cell(name, (Integer) r[0]), (Long) r[2], Long::sum)));
    return out;
  }

  private static void bind(
      org.jdbi.v3.core.statement.Query q, Scope scope, List<Period.Slot> slots) {
    SqlScope.bindSlots(q, slots);
    SqlScope.bind(q, scope);
    q.bind("from", slots.get(0).startMillis()).bind("to", slots.get(slots.size() - 1).endMillis());
  }
}
