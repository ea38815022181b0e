package io.qccompanion.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.domain.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** Reads the audit log in (at, id) order with filters; it is never changed through the API. */
final class AuditReader {

  /** Filters; null means any. {@code from} inclusive, {@code to} exclusive, epoch millis. */
  public record Query(
      Long from,
      Long to,
      String entityType,
      String entityId,
      String actorId,
      Long afterAt,
      String afterId,
      int limit) {}

  /** Up to {@code limit} events after the cursor position. */
  public List<AuditEvent> page(Handle h, Query q) {
    Map<String, Object> binds = new HashMap<>();
    return h.createQuery(sql(q, binds) + " LIMIT " + q.limit())
        .bindMap(binds)
        .map((rs, ctx) -> map(rs))
        .list();
  }

  /** Streams every matching event to {@code sink} (CSV export) without holding them all. */
  public void each(Handle h, Query q, Consumer<AuditEvent> sink) {
    Map<String, Object> binds = new HashMap<>();
    try (var stream =
        h
            .createQuery(sql(q, binds))
            .bindMap(binds)
            .setFetchSize(500)
            .map((rs, ctx) -> map(rs))
            .stream()) {
      stream.forEach(sink);
    }
  }

  /** {@link #each} with the actor's name and e-mail and the record's name (the CSV export). */
  public void eachNamed(Handle h, Query q, Consumer<AuditCsv.Named> sink) {
    Map<String, Object> binds = new HashMap<>();
    String sql =
        "SELECT ae.*, u.name AS actor_name, u.email AS actor_email, "
            + AuditCsv.RECORD_NAME
            + " AS record_name FROM ("
            + sql(q, binds)
            + ") ae LEFT JOIN users u ON u.id = ae.actor_id ORDER BY ae.at, ae.id";
    try (var stream =
        h
            .createQuery(sql)
            .bindMap(binds)
            .setFetchSize(500)
            .map(
                (rs, ctx) ->
                    new AuditCsv.Named(
                        map(rs),
                        rs.getString("actor_name"),
                        rs.getString("actor_email"),
                        rs.getString("record_name")))
            .stream()) {
      stream.forEach(sink);
    }
  }

  private static String sql(Query q, Map<String, Object> binds) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, actor_id, action, entity_type, entity_id, before_json, after_json"
                + " FROM audit_events WHERE 1 = 1");
    if (q.from() != null) {
      sql.append(" AND at >= :from");
      binds.put("from", q.from());
    }
    if (q.to() != null) {
      sql.append(" AND at < :to");
      binds.put("to", q.to());
    }
    if (q.entityType() != null) {
      sql.append(" AND entity_type = :type");
      binds.put("type", q.entityType());
    }
    if (q.entityId() != null) {
      sql.append(" AND entity_id = :entity");
      binds.put("entity", q.entityId());
    }
    if (q.actorId() != null) {
      sql.append(" AND actor_id = :actor");
      binds.put("actor", q.actorId());
    }
    if (q.afterAt() != null) {
      sql.append(" AND (at > :afterAt OR (at = :afterAt AND id > :afterId))");
      binds.put("afterAt", q.afterAt());
      binds.put("afterId", q.afterId());
    }
    return sql.append(" ORDER BY at, id").toString();
  }

  private static AuditEvent map(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new AuditEvent(
        rs.getString("id"),
        java.time.Instant.ofEpochMilli(rs.getLong("at")),
        rs.getString("actor_id"),
        rs.getString("action"),
        rs.getString("entity_type"),
        rs.getString("entity_id"),
        json(rs.getString("before_json")),
        json(rs.getString("after_json")));
  }

  private static JsonNode json(String s) {
    return s == null ? null : Json.read(s, JsonNode.class);
  }
}
