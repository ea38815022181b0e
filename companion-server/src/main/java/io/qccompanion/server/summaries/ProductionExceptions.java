package io.qccompanion.server.summaries;

import io.qccompanion.server.domain.Cursor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Stored production exceptions. */
final class ProductionExceptions {
  private static final String COLUMNS =
      "id, agent_id, team_id, day, kind, hours, note, created_by, created_at";

  /** Inserts {@code e}. */
  public void insert(Handle h, ProductionException e) {
    h.createUpdate(
            "INSERT INTO production_exceptions ("
                + COLUMNS
                + ") VALUES (:id, :agent, :team, :day, :kind, :hours, :note, :by, :at)")
        .bind("id", e.id())
        .bind("agent", e.agentId())
        .bind("team", e.teamId())
        .bind("day", e.date().toString())
        .bind("kind", e.kind().name())
        .bind("hours", e.hours())
        .bind("note", e.note())
        .bind("by", e.createdBy())
        .bind("at", e.createdAt().toEpochMilli())
        .execute();
  }

  public Optional<ProductionException> find(Handle h, String id) {
    return h.createQuery("SELECT " + COLUMNS + " FROM production_exceptions WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  /** Replaces the day, kind, hours and note of {@code e} (matched by id). */
  public void update(Handle h, ProductionException e) {
    h.createUpdate(
            "UPDATE production_exceptions SET day = :day, kind = :kind, hours = :hours,"
                + " note = :note WHERE id = :id")
        .bind("id", e.id())
        .bind("day", e.date().toString())
        .bind("kind", e.kind().name())
        .bind("hours", e.hours())
        .bind("note", e.note())
        .execute();
  }

  public void delete(Handle h, String id) {
    h.createUpdate("DELETE FROM production_exceptions WHERE id = :id").bind("id", id).execute();
  }

  /** Hours already recorded for the agent on {@code day}. */
  public double hoursOn(Handle h, String agentId, LocalDate day) {
    return h.createQuery(
            "SELECT COALESCE(SUM(hours), 0) FROM production_exceptions"
                + " WHERE agent_id = :agent AND day = :day")
        .bind("agent", agentId)
        .bind("day", day.toString())
        .mapTo(Double.class)
        .one();
  }

  private static String where(Scope scope) {
    return " WHERE day >= :from AND day <= :to"
        + (scope.teamIds() != null ? " AND team_id IN (<teams>)" : "")
        + (scope.agentId() != null ? " AND agent_id = :agentId" : "");
  }

  private static void bind(org.jdbi.v3.core.statement.SqlStatement<?> q, Scope scope, Period p) {
    q.bind("from", p.from().toString()).bind("to", p.to().toString());
    if (scope.teamIds() != null) q.bindList("teams", List.copyOf(scope.teamIds()));
    if (scope.agentId() != null) q.bind("agentId", scope.agentId());
  }

  /** One page of exceptions in the period, ordered by creation. */
  public Cursor.Slice<ProductionException> page(Handle h, Scope scope, Period p, Cursor cursor) {
    var q =
        h.createQuery(
            "SELECT "
                + COLUMNS
                + " FROM production_exceptions"
                + where(scope)
                + (cursor.first() ? "" : " AND (created_at > :k OR (created_at = :k AND id > :id))")
                + " ORDER BY created_at, id LIMIT :limit");
    bind(q, scope, p);
    if (!cursor.first()) q.bind("k", cursor.sortKey()).bind("id", cursor.id());
    q.bind("limit", cursor.limit() + 1);
    return cursor.slice(
        q.map((rs, ctx) -> row(rs)).list(),
        e -> e.createdAt().toEpochMilli(),
        ProductionException::id);
  }

  /** Total exception hours per agent and day in the period. */
  public Map<String, Map<LocalDate, Double>> hoursByAgentDay(Handle h, Scope scope, Period p) {
    var q =
        h.createQuery(
            "SELECT agent_id, day, SUM(hours) FROM production_exceptions"
                + where(scope)
                + " GROUP BY agent_id, day");
    bind(q, scope, p);
    Map<String, Map<LocalDate, Double>> out = new HashMap<>();
    q.map(
            (rs, ctx) ->
                new Object[] {rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getDouble(3)})
        .forEach(
            r ->
                out.computeIfAbsent((String) r[0], k -> new HashMap<>())
                    .put((LocalDate) r[1], (Double) r[2]));
    return out;
  }

  private static ProductionException row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new ProductionException(
        rs.getString("id"),
        rs.getString("agent_id"),
        rs.getString("team_id"),
        LocalDate.parse(rs.getString("day")),
        ProductionException.Kind.valueOf(rs.getString("kind")),
        rs.getDouble("hours"),
        rs.getString("note"),
        rs.getString("created_by"),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
