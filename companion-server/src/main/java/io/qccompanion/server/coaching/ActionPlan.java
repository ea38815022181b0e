package io.qccompanion.server.coaching;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A SMART action plan for an agent.
 *
 * @param measure QUALITY_SCORE (mean score), PASS_RATE (% passed) or CRITERION_PASS_RATE (% of
 *     evaluations not failing {@code criterionId})
 * @param target the percentage to reach, e.g. 90
 * @param overEvaluations how many evaluations after the start the measure is taken over
 * @param status OPEN, MET, NOT_MET or INCONCLUSIVE (fewer evaluations than planned by the due date)
 */
public record ActionPlan(
    String id,
    String agentId,
    String teamId,
    String ownerId,
    String goal,
    String measure,
    String criterionId,
    double target,
    int overEvaluations,
    Instant dueAt,
    String status,
    Instant startedAt,
    Instant reviewedAt,
    Double achieved,
    Integer evaluated,
    String verdict,
    String createdBy,
    Instant createdAt,
    Instant acknowledgedAt) {

  static final String COLUMNS =
      "id, agent_id, team_id, owner_id, goal, measure, criterion_id, target, over_evaluations,"
          + " due_at, status, started_at, reviewed_at, achieved, evaluated, verdict, created_by,"
          + " created_at, acknowledged_at";

  static ActionPlan map(ResultSet rs) throws SQLException {
    long acknowledged = rs.getLong("acknowledged_at");
    boolean notAcknowledged = rs.wasNull();
    long reviewed = rs.getLong("reviewed_at");
    boolean notReviewed = rs.wasNull();
    double achieved = rs.getDouble("achieved");
    boolean noAchieved = rs.wasNull();
    int evaluated = rs.getInt("evaluated");
    boolean noEvaluated = rs.wasNull();
    return new ActionPlan(
        rs.getString("id"),
        rs.getString("agent_id"),
        rs.getString("team_id"),
        rs.getString("owner_id"),
        rs.getString("goal"),
        rs.getString("measure"),
        rs.getString("criterion_id"),
        rs.getDouble("target"),
        rs.getInt("over_evaluations"),
        Instant.ofEpochMilli(rs.getLong("due_at")),
        rs.getString("status"),
        Instant.ofEpochMilli(rs.getLong("started_at")),
        notReviewed ? null : Instant.ofEpochMilli(reviewed),
        noAchieved ? null : achieved,
        noEvaluated ? null : evaluated,
        rs.getString("verdict"),
        rs.getString("created_by"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        notAcknowledged ? null : Instant.ofEpochMilli(acknowledged));
  }
}
