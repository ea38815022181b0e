package io.qccompanion.server.disputes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One piece of agent feedback on an evaluation.
 *
 * @param kind ACKNOWLEDGE, RESPONSE or DISPUTE
 * @param status for disputes: OPEN, UPHELD or AMENDED; null otherwise
 * @param overdue an open dispute past its SLA due date
 */
public record Feedback(
    String id,
    String evaluationId,
    String agentId,
    String teamId,
    String qcId,
    String kind,
    String criterionId,
    String text,
    String status,
    Instant dueAt,
    boolean overdue,
    String resolvedBy,
    String resolution,
    Instant resolvedAt,
    Double scoreBefore,
    Double scoreAfter,
    Integer revisionAfter,
    String createdBy,
    Instant createdAt) {

  static final String COLUMNS =
      "id, evaluation_id, agent_id, team_id, qc_id, kind, criterion_id, text, status, due_at,"
          + " resolved_by, resolution, resolved_at, score_before, score_after, revision_after,"
          + " created_by, created_at";

  static Feedback map(ResultSet rs, long now) throws SQLException {
    Instant due = instant(rs, "due_at");
    String status = rs.getString("status");
    return new Feedback(
        rs.getString("id"),
        rs.getString("evaluation_id"),
        rs.getString("agent_id"),
        rs.getString("team_id"),
        rs.getString("qc_id"),
        rs.getString("kind"),
        rs.getString("criterion_id"),
        rs.getString("text"),
        status,
        due,
        "OPEN".equals(status) && due != null && due.toEpochMilli() < now,
        rs.getString("resolved_by"),
        rs.getString("resolution"),
        instant(rs, "resolved_at"),
        dbl(rs, "score_before"),
        dbl(rs, "score_after"),
        rs.getObject("revision_after") == null ? null : rs.getInt("revision_after"),
        rs.getString("created_by"),
        instant(rs, "created_at"));
  }

  private static Double dbl(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
