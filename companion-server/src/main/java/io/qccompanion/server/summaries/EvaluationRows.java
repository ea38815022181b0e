package io.qccompanion.server.summaries;

import io.qccompanion.server.domain.Cursor;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/** The counted evaluations behind a summary, keyset-paginated by (submitted_at, id). */
public final class EvaluationRows {
  // blind grading: a QC lists only their own evaluations and those of tickets they graded too
  private static final String BLIND =
      " AND (ev.qc_id = :blindQc OR EXISTS (SELECT 1 FROM evaluations mine WHERE mine.ticket_id ="
          + " ev.ticket_id AND mine.qc_id = :blindQc AND mine.status <> 'DRAFT'))";
  private final String blindQc;

  /** Every counted evaluation in the scope. */
  public EvaluationRows() {
    this(null);
  }

  private EvaluationRows(String blindQc) {
    this.blindQc = blindQc;
  }

  /** These rows as the QC {@code qcUserId} may list them (blind grading). */
  public EvaluationRows blindFor(String qcUserId) {
    return new EvaluationRows(qcUserId);
  }

  /** One counted evaluation. */
  public record Row(
      String id,
      Instant submittedAt,
      String ticketId,
      String ticketKey,
      String host,
      String agentId,
      String teamId,
      String qcId,
      String scorecardId,
      String status,
      int revision,
      Double score,
      Boolean passed,
      boolean criticalFail,
      String agentName,
      String teamName,
      String qcName) {}

  /**
   * Narrows the rows to a drill-down: evaluations failing {@code criterionId} or giving {@code
   * rootCause} on a failed answer (null: no narrowing).
   */
  public record Drill(String criterionId, String rootCause) {
    public static final Drill NONE = new Drill(null, null);

    String sql() {
      return (criterionId == null
              ? ""
              : " AND EXISTS (SELECT 1 FROM evaluation_answers x WHERE x.evaluation_id = ev.id"
                  + " AND x.failed = 1 AND x.criterion_id = :drillCriterion)")
          + (rootCause == null
              ? ""
              : " AND EXISTS (SELECT 1 FROM evaluation_answers x WHERE x.evaluation_id = ev.id"
                  + " AND x.failed = 1 AND x.root_causes LIKE :drillRootCause)");
    }

    void bind(org.jdbi.v3.core.statement.Query q) {
      if (criterionId != null) q.bind("drillCriterion", criterionId);
      if (rootCause != null) q.bind("drillRootCause", "%\"" + rootCause + "\"%");
    }
  }

  /** CSV header matching {@link #csv}. */
  public static final List<String> HEADER =
      List.of(
          "id",
          "submittedAt",
          "ticketId",
          "ticketKey",
          "host",
          "agentId",
          "teamId",
          "qcId",
          "scorecardId",
          "status",
          "revision",
          "score",
          "passed",
          "criticalFail");

  static List<Object> csv(Row r) {
    return java.util.Arrays.asList(
        r.id(),
        r.submittedAt(),
        r.ticketId(),
        r.ticketKey(),
        r.host(),
        r.agentId(),
        r.teamId(),
        r.qcId(),
        r.scorecardId(),
        r.status(),
        r.revision(),
        r.score(),
        r.passed(),
        r.criticalFail());
  }

  private String sql(Scope scope, Drill drill, boolean after, boolean limited) {
    return """
        SELECT ev.id, ev.submitted_at, ev.ticket_id, t.ticket_key, t.host, ev.agent_id, ev.team_id,
               ev.qc_id, sv.scorecard_id, ev.status, ev.revision, ev.score, ev.passed,
               ev.critical_fail, ag.name AS agent_name, tm.name AS team_name, qc.name AS qc_name
        FROM evaluations ev
        JOIN tickets t ON t.id = ev.ticket_id
        JOIN scorecard_versions sv ON sv.id = ev.scorecard_version_id
        LEFT JOIN agents ag ON ag.id = ev.agent_id
        LEFT JOIN teams tm ON tm.id = ev.team_id
        LEFT JOIN users qc ON qc.id = ev.qc_id
        WHERE\s"""
        + SqlScope.COUNTED
        + " AND ev.submitted_at >= :from AND ev.submitted_at < :to"
        + SqlScope.evaluationFilter(scope)
        + (blindQc == null ? "" : BLIND)
        + drill.sql()
        + (after ? " AND (ev.submitted_at > :k OR (ev.submitted_at = :k AND ev.id > :id))" : "")
        + " ORDER BY ev.submitted_at, ev.id"
        + (limited ? " LIMIT :limit" : "");
  }

  /** One page after {@code cursor}. */
  public Cursor.Slice<Row> page(Handle h, Scope scope, Period period, Cursor cursor) {
    return page(h, scope, Drill.NONE, period, cursor);
  }

  /** One page of a drill-down after {@code cursor}. */
  public Cursor.Slice<Row> page(Handle h, Scope scope, Drill drill, Period period, Cursor cursor) {
    var q = h.createQuery(sql(scope, drill, !cursor.first(), true));
    SqlScope.bind(q, scope);
    if (blindQc != null) q.bind("blindQc", blindQc);
    drill.bind(q);
    q.bind("from", period.startMillis())
        .bind("to", period.endMillis())
        .bind("limit", cursor.limit() + 1);
    if (!cursor.first()) q.bind("k", cursor.sortKey()).bind("id", cursor.id());
    List<Row> rows = q.map((rs, ctx) -> row(rs)).list();
    return cursor.slice(rows, r -> r.submittedAt().toEpochMilli(), Row::id);
  }

  /** Streams every row to {@code sink} without holding them in memory. */
  public void each(Handle h, Scope scope, Period period, Consumer<Row> sink) {
    each(h, scope, Drill.NONE, period, sink);
  }

  /** Streams every row of a drill-down to {@code sink}. */
  public void each(Handle h, Scope scope, Drill drill, Period period, Consumer<Row> sink) {
    var q = h.createQuery(sql(scope, drill, false, false));
    SqlScope.bind(q, scope);
    if (blindQc != null) q.bind("blindQc", blindQc);
    drill.bind(q);
    q.bind("from", period.startMillis()).bind("to", period.endMillis()).setFetchSize(500);
    try (var stream = q.map((rs, ctx) -> row(rs)).stream()) {
      stream.forEach(sink);
    }
  }

  /** Number of rows {@link #each} would stream (for progress bars). */
  public long count(Handle h, Scope scope, Period period) {
    String sql = "SELECT COUNT(*) FROM (" + sql(scope, Drill.NONE, false, false) + ") x";
    var q = h.createQuery(sql);
    SqlScope.bind(q, scope);
    if (blindQc != null) q.bind("blindQc", blindQc);
    return q.bind("from", period.startMillis())
        .bind("to", period.endMillis())
        .mapTo(Long.class)
        .one();
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    double score = rs.getDouble("score");
    Double s = rs.wasNull() ? null : score;
    int passed = rs.getInt("passed");
    Boolean p = rs.wasNull() ? null : passed == 1;
    return new Row(
        rs.getString("id"),
        Instant.ofEpochMilli(rs.getLong("submitted_at")),
        rs.getString("ticket_id"),
        rs.getString("ticket_key"),
        rs.getString("host"),
        rs.getString("agent_id"),
        rs.getString("team_id"),
        rs.getString("qc_id"),
        rs.getString("scorecard_id"),
        rs.getString("status"),
        rs.getInt("revision"),
        s,
        p,
        rs.getInt("critical_fail") == 1,
        rs.getString("agent_name"),
        rs.getString("team_name"),
        rs.getString("qc_name"));
  }
}
