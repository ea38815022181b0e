package io.qccompanion.server.summaries;

import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL fragments for a {@link Scope} and a list of bucket slots, with their bindings. */
final class SqlScope {
  /** Evaluations that count in quality KPIs. */
  static final String COUNTED =
      "ev.kind = 'REGULAR' AND ev.status IN ('SUBMITTED', 'DISPUTED', 'AMENDED', 'UPHELD')"
          + " AND ev.score IS NOT NULL AND ev.submitted_at IS NOT NULL";

  /** Whether ticket {@code t} has a counted evaluation (coverage). */
  static final String TICKET_EVALUATED =
      "EXISTS (SELECT 1 FROM evaluations ev WHERE ev.ticket_id = t.id AND " + COUNTED + ")";

  private SqlScope() {}

  /** {@code WITH b(k, s, e) AS (VALUES ...)}: one row per slot. */
  static String slotsCte(List<Period.Slot> slots) {
    StringBuilder sql = new StringBuilder("WITH b(k, s, e) AS (VALUES ");
    for (int i = 0; i < slots.size(); i++) {
      if (i > 0) sql.append(", ");
      sql.append("(CAST(:k").append(i).append(" AS INTEGER), CAST(:s").append(i);
      sql.append(" AS BIGINT), CAST(:e").append(i).append(" AS BIGINT))");
    }
    return sql.append(")\n").toString();
  }

  static void bindSlots(SqlStatement<?> q, List<Period.Slot> slots) {
    for (int i = 0; i < slots.size(); i++) {
      Period.Slot s = slots.get(i);
      q.bind("k" + i, s.index()).bind("s" + i, s.startMillis()).bind("e" + i, s.endMillis());
    }
  }

  /** Filters on evaluations {@code ev} (and tickets {@code t} for the host). */
  static String evaluationFilter(Scope scope) {
    StringBuilder sql = new StringBuilder();
    if (scope.teamIds() != null) sql.append(" AND ev.team_id IN (<teams>)");
    if (scope.agentId() != null) sql.append(" AND ev.agent_id = :agentId");
    if (scope.host() != null) sql.append(" AND t.host = :host");
    return sql.toString();
  }

  /** Filters on tickets {@code t}. */
  static String ticketFilter(Scope scope) {
    StringBuilder sql = new StringBuilder();
    if (scope.teamIds() != null) sql.append(" AND t.team_id IN (<teams>)");
    if (scope.agentId() != null) sql.append(" AND t.agent_id = :agentId");
    if (scope.host() != null) sql.append(" AND t.host = :host");
    return sql.toString();
  }

  static void bind(SqlStatement<?> q, Scope scope) {
    if (scope.teamIds() != null) q.bindList("teams", List.copyOf(scope.teamIds()));
    if (scope.agentId() != null) q.bind("agentId", scope.agentId());
    if (scope.host() != null) q.bind("host", scope.host());
  }
}
