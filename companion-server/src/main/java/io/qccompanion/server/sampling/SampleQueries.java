package io.qccompanion.server.sampling;

import com.fasterxml.jackson.core.type.TypeReference;
import io.qccompanion.server.domain.Cursor;
import io.qccompanion.server.domain.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Reads of sample decisions: one by id, filtered lists and QC queues, keyset-paginated. */
final class SampleQueries {
  private static final String SELECT =
      """
      SELECT d.*, t.ticket_key, t.subject, t.channel, t.url FROM sample_decisions d
      JOIN tickets t ON t.id = d.ticket_id""";

  /**
   * List filters; null means any.
   *
   * @param reason an exact reason, or a prefix ending in ':' / the bare word TRIGGER for every
   *     trigger
   * @param teamScope the caller's teams; empty = all
   */
  record Filter(
      String agentId,
      String teamId,
      String status,
      Boolean selected,
      String reason,
      String qcId,
      boolean openOnly,
      Set<String> teamScope) {}

  private SampleQueries() {}

  static Optional<Sample> byId(Handle h, String id) {
    return h.createQuery(SELECT + " WHERE d.id = :id")
        .bind("id", id)
        .map((rs, c) -> read(rs))
        .findOne();
  }

  /** A page ordered by due date (queues) or decision time (lists), then id. */
  static Cursor.Slice<Sample> page(Handle h, Filter f, Cursor cursor, boolean byDue) {
    String key = byDue ? "COALESCE(d.due_at, 0)" : "d.decided_at";
    List<String> where = new ArrayList<>();
    Map<String, Object> binds = new LinkedHashMap<>();
    add(where, binds, "d.agent_id = :agent", "agent", f.agentId());
    add(where, binds, "d.team_id = :team", "team", f.teamId());
    add(where, binds, "d.status = :status", "status", f.status());
    add(where, binds, "d.assigned_qc_id = :qc", "qc", f.qcId());
    if (f.selected() != null)
      add(where, binds, "d.selected = :selected", "selected", f.selected() ? 1 : 0);
    if (f.reason() != null) {
      String r = f.reason().equals("TRIGGER") ? "TRIGGER:" : f.reason();
      String pattern = r.endsWith(":") ? "%\"" + r + "%" : "%\"" + r + "\"%";
      add(where, binds, "d.reasons LIKE :reason", "reason", pattern);
    }
    if (f.openOnly()) where.add(SampleStatus.OPEN_WORK);
    if (!f.teamScope().isEmpty()) where.add("d.team_id IN (<scope>)");
    if (!cursor.first()) {
      where.add("(" + key + " > :key OR (" + key + " = :key AND d.id > :after))");
      binds.put("key", cursor.sortKey());
      binds.put("after", cursor.id());
    }
    String sql =
        SELECT
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + " ORDER BY "
            + key
            + ", d.id LIMIT :limit";
    var query = h.createQuery(sql).bindMap(binds).bind("limit", cursor.limit() + 1);
    if (!f.teamScope().isEmpty()) query.bindList("scope", List.copyOf(f.teamScope()));
    List<Sample> rows = query.map((rs, c) -> read(rs)).list();
    return cursor.slice(
        rows,
        s ->
            byDue
                ? (s.dueAt() == null ? 0L : s.dueAt().toEpochMilli())
                : s.decidedAt().toEpochMilli(),
        Sample::id);
  }

  private static void add(
      List<String> where, Map<String, Object> binds, String clause, String name, Object value) {
    if (value == null) return;
    where.add(clause);
    binds.put(name, value);
  }

  static Sample read(java.sql.ResultSet rs) throws java.sql.SQLException {
    long due = rs.getLong("due_at");
    Instant dueAt = rs.wasNull() ? null : Instant.ofEpochMilli(due);
    return new Sample(
        rs.getString("id"),
        rs.getString("ticket_id"),
        rs.getString("ticket_key"),
        rs.getString("subject"),
        rs.getString("channel"),
        rs.getString("url"),
        rs.getString("agent_id"),
        rs.getString("team_id"),
        rs.getInt("selected") == 1,
        rs.getString("tier"),
        Json.read(rs.getString("reasons"), new TypeReference<List<String>>() {}),
        rs.getString("stratum"),
        rs.getString("assigned_qc_id"),
        dueAt,
        rs.getString("status"),
        rs.getString("replaced_by"),
        rs.getString("replace_reason"),
        Instant.ofEpochMilli(rs.getLong("week_start")),
        Instant.ofEpochMilli(rs.getLong("decided_at")));
  }
}
