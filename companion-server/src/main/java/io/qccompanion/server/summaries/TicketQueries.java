package io.qccompanion.server.summaries;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * CSAT, FCR, AHT, tickets closed and coverage from the tickets table. A ticket belongs to the
 * bucket of its {@code solved_at} and to its assignee agent and team.
 */
final class TicketQueries {
  /** Ticket sums per group and slot; groupings without a ticket key give an empty map. */
  public Map<Cell, TicketStats> grouped(
      Handle h, Scope scope, GroupBy groupBy, List<Period.Slot> slots) {
    Map<Cell, TicketStats> out = new LinkedHashMap<>();
    if (groupBy.ticketKey == null) return out;
    String from =
        " FROM tickets t JOIN b ON t.solved_at >= b.s AND t.solved_at < b.e"
            + " WHERE t.solved_at >= :from AND t.solved_at < :to"
            + SqlScope.ticketFilter(scope);
    String sql =
        SqlScope.slotsCte(slots)
            + "SELECT "
            + groupBy.ticketKey
            + " AS g, b.k AS k, COUNT(*) AS closed,"
            + " SUM(CASE WHEN t.csat_rating IN ('GOOD', 'BAD') THEN 1 ELSE 0 END) AS rated,"
            + " SUM(CASE WHEN t.csat_rating = 'GOOD' THEN 1 ELSE 0 END) AS good,"
            + " SUM(CASE WHEN t.reopen_count = 0 THEN 1 ELSE 0 END) AS first_contact,"
            + " COUNT(t.handle_time_seconds) AS handled,"
            + " COALESCE(SUM(t.handle_time_seconds), 0) AS handle_sum,"
            + " SUM(CASE WHEN "
            + SqlScope.TICKET_EVALUATED
            + " THEN 1 ELSE 0 END) AS evaluated"
            + from
            + " GROUP BY "
            + GroupBy.groupList(groupBy.ticketKey);
    var q = h.createQuery(sql);
    bind(q, scope, slots);
    q.map(
            (rs, ctx) ->
                Map.entry(
                    new Cell(QualityQueries.nonNull(rs.getString("g")), rs.getInt("k")),
                    new TicketStats(
                        rs.getLong("closed"),
                        rs.getLong("rated"),
                        rs.getLong("good"),
                        rs.getLong("first_contact"),
                        rs.getLong("handled"),
                        rs.getLong("handle_sum"),
                        null,
                        null,
                        rs.getLong("evaluated"))))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    // Nearest-rank percentiles: the value at rank ceil(p * n / 100) in ascending order.
    String percentiles =
        SqlScope.slotsCte(slots)
            + ", r AS (SELECT "
            + groupBy.ticketKey
            + " AS g, b.k AS k, t.handle_time_seconds AS v, ROW_NUMBER() OVER (PARTITION BY "
            + GroupBy.groupList(groupBy.ticketKey)
            + " ORDER BY t.handle_time_seconds) AS rn, COUNT(*) OVER (PARTITION BY "
            + GroupBy.groupList(groupBy.ticketKey)
            + ") AS cnt"
            + from
            + " AND t.handle_time_seconds IS NOT NULL)"
            + " SELECT g, k, MAX(CASE WHEN rn = (50 * cnt + 99) / 100 THEN v END) AS p50,"
            + " MAX(CASE WHEN rn = (90 * cnt + 99) / 100 THEN v END) AS p90"
            + " FROM r GROUP BY g, k";
    var p = h.createQuery(percentiles);
    bind(p, scope, slots);
    p.map(
            (rs, ctx) ->
                Map.entry(
                    new Cell(QualityQueries.nonNull(rs.getString("g")), rs.getInt("k")),
                    new long[] {rs.getLong("p50"), rs.getLong("p90")}))
        .forEach(
            e ->
                out.computeIfPresent(
                    e.getKey(), (k, s) -> s.withPercentiles(e.getValue()[0], e.getValue()[1])));
    return out;
  }

  private static void bind(
      org.jdbi.v3.core.statement.Query q, Scope scope, List<Period.Slot> slots) {
    SqlScope.bindSlots(q, slots);
    SqlScope.bind(q, scope);
    q.bind("from", slots.get(0).startMillis()).bind("to", slots.get(slots.size() - 1).endMillis());
  }
}
