package io.qccompanion.server.evaluations;

import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Cursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A filtered, caller-restricted page of evaluations, newest first by (submitted or created time,
 * id). Restrictions are silent: agents list only their own, QCs do not see other QCs' evaluations
 * of tickets they have not submitted on.
 */
record EvaluationQuery(
    String agentId,
    String teamId,
    String qcId,
    String ticketId,
    String status,
    String kind,
    Long from,
    Long to) {
  private static final String SORT = "COALESCE(e.submitted_at, e.created_at)";

  List<Evaluation> run(Handle h, Principal p, Cursor cursor) {
    var sql = new StringBuilder("SELECT e.* FROM evaluations e WHERE 1 = 1");
    Map<String, Object> binds = new HashMap<>();
    filter(sql, binds, "e.agent_id", "agentId", agentId);
    filter(sql, binds, "e.team_id", "teamId", teamId);
    filter(sql, binds, "e.qc_id", "qcId", qcId);
    filter(sql, binds, "e.ticket_id", "ticketId", ticketId);
    filter(sql, binds, "e.status", "status", status);
    filter(sql, binds, "e.kind", "kind", kind);
    if (from != null) {
      sql.append(" AND ").append(SORT).append(" >= :from");
      binds.put("from", from);
    }
    if (to != null) {
      sql.append(" AND ").append(SORT).append(" < :to");
      binds.put("to", to);
    }
    List<String> teams = new ArrayList<>();
    if (p.role() == Role.AGENT) {
      sql.append(" AND e.agent_id = :me AND e.status != 'DRAFT' AND e.kind = 'REGULAR'");
      binds.put("me", p.agentId() == null ? "" : p.agentId());
    } else {
      if (p.role() != Role.ADMIN && !p.teamIds().isEmpty()) {
        sql.append(" AND e.team_id IN (<teams>)");
        teams.addAll(p.teamIds());
      }
      if (p.role() == Role.QC) {
        // calibration grades of others stay hidden here; the calibration report reveals them
        sql.append(
                " AND (e.qc_id = :me OR (e.status != 'DRAFT' AND e.kind = 'REGULAR' AND EXISTS (SELECT 1")
            .append(" FROM evaluations o WHERE o.ticket_id = e.ticket_id AND o.qc_id = :me")
            .append(" AND o.status != 'DRAFT')))");
        binds.put("me", p.userId());
      }
    }
    if (!cursor.first()) {
      sql.append(" AND (")
          .append(SORT)
          .append(" < :afterKey OR (")
          .append(SORT)
          .append(" = :afterKey AND e.id < :afterId))");
      binds.put("afterKey", cursor.sortKey());
      binds.put("afterId", cursor.id());
    }
    sql.append(" ORDER BY ").append(SORT).append(" DESC, e.id DESC LIMIT :limit");
    binds.put("limit", cursor.limit() + 1);
    var query = h.createQuery(sql.toString()).bindMap(binds);
    if (!teams.isEmpty()) query.bindList("teams", teams);
    return query.map(EvaluationStore::row).list();
  }

  private static void filter(
      StringBuilder sql, Map<String, Object> binds, String col, String name, String v) {
    if (v == null || v.isBlank()) return;
    sql.append(" AND ").append(col).append(" = :").append(name);
    binds.put(name, v.strip());
  }
}
