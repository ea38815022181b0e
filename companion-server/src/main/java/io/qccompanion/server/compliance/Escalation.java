package io.qccompanion.server.compliance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A compliance escalation raised by a critical fail or a flagged compliance criterion.
 *
 * @param severity CRITICAL (critical fail) or HIGH (compliance criterion)
 * @param status OPEN, IN_PROGRESS or RESOLVED
 */
record Escalation(
    String id,
    String evaluationId,
    String ticketId,
    String agentId,
    String teamId,
    String severity,
    String reason,
    String ownerId,
    String status,
    String resolutionNotes,
    Instant dueAt,
    boolean overdue,
    Instant createdAt,
    Instant updatedAt,
    Instant resolvedAt) {

  static final String COLUMNS =
      "id, evaluation_id, ticket_id, agent_id, team_id, severity, reason, owner_id, status,"
          + " resolution_notes, due_at, created_at, updated_at, resolved_at";

  static Escalation map(ResultSet rs, long now) throws SQLException {
    Instant due = Instant.ofEpochMilli(rs.getLong("due_at"));
    String status = rs.getString("status");
    long resolved = rs.getLong("resolved_at");
    boolean unresolved = rs.wasNull();
    return new Escalation(
        rs.getString("id"),
        rs.getString("evaluation_id"),
        rs.getString("ticket_id"),
        rs.getString("agent_id"),
        rs.getString("team_id"),
        rs.getString("severity"),
        rs.getString("reason"),
        rs.getString("owner_id"),
        status,
        rs.getString("resolution_notes"),
        due,
        !"RESOLVED".equals(status) && due.toEpochMilli() < now,
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        unresolved ? null : Instant.ofEpochMilli(resolved));
  }
}
