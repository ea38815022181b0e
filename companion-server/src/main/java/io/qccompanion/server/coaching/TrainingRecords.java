package io.qccompanion.server.coaching;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Training assigned from a gap (a criterion's failures or a root-cause trend), its completion, and
 * its effectiveness: the criterion's pass rate in the 90 days before assignment vs after
 * completion.
 */
final class TrainingRecords {
  private static final Duration BASELINE = Duration.ofDays(90);
  private static final int MIN_AFTER = 3;
  private final Clock clock;
  private final AuditLog audit;

  public TrainingRecords(Clock clock, AuditLog audit) {
    this.clock = clock;
    this.audit = audit;
  }

  /** One training record; rates are the criterion pass rate in percent. */
  public record Training(
      String id,
      String agentId,
      String teamId,
      String topic,
      String criterionId,
      String rootCause,
      String assignedBy,
      Instant assignedAt,
      Instant dueAt,
      Instant completedAt,
      Double baseline,
      Double afterRate,
      String verdict) {}

  /** What a lead sends to assign training. */
  public record Draft(
      String agentId, String topic, String criterionId, String rootCause, Instant dueAt) {}

  /** Assigns training, recording the baseline pass rate of the criterion. */
  public Training assign(Handle h, String actorId, Draft d) {
    String agentId = Fields.required(d.agentId(), "/agentId");
    String teamId =
        h.createQuery("SELECT team_id FROM agents WHERE id = :id")
            .bind("id", agentId)
            .mapTo(String.class)
            .findOne()
            .orElseThrow(() -> Invalid.malformed("/agentId", "no agent '" + agentId + "'"));
    if (d.criterionId() == null && d.rootCause() == null)
      throw Invalid.malformed("/criterionId", "name the gap: criterionId or rootCause");
    Instant now = clock.instant();
    Double baseline =
        d.criterionId() == null
            ? null
            : QualityMeasure.measure(
                    h,
                    agentId,
                    "CRITERION_PASS_RATE",
                    d.criterionId(),
                    now.minus(BASELINE).toEpochMilli(),
                    now.toEpochMilli() + 1,
                    Integer.MAX_VALUE)
                .value();
    String id = Ids.newId();
    h.createUpdate(
            """
            INSERT INTO training_records (id, agent_id, team_id, topic, criterion_id, root_cause,
              assigned_by, assigned_at, due_at, baseline)
            VALUES (:id, :agent, :team, :topic, :crit, :cause, :by, :now, :due, :baseline)
            """)
        .bind("id", id)
        .bind("agent", agentId)
        .bind("team", teamId)
        .bind("topic", Fields.required(d.topic(), "/topic"))
        .bind("crit", d.criterionId())
        .bind("cause", d.rootCause())
        .bind("by", actorId)
        .bind("now", now.toEpochMilli())
        .bind("due", d.dueAt() == null ? null : d.dueAt().toEpochMilli())
        .bind("baseline", baseline)
        .execute();
    Training t = require(h, id);
    audit.record(h, actorId, "training.assign", "training", id, null, t);
    return t;
  }

  /** Marks the training done (the agent themselves or staff). */
  public Training complete(Handle h, Principal p, String id) {
    Training before = require(h, id);
    if (p.role() == Role.AGENT && !before.agentId().equals(p.agentId()))
      throw new NotFound("training", id);
    if (before.completedAt() != null) return before;
    h.createUpdate("UPDATE training_records SET completed_at = :now WHERE id = :id")
        .bind("now", clock.millis())
        .bind("id", id)
        .execute();
    Training after = require(h, id);
    audit.record(h, p.userId(), "training.complete", "training", id, before, after);
    return after;
  }

  /** Measures effectiveness from QA results after completion: IMPROVED, NOT_IMPROVED or too few. */
  public Training review(Handle h, String actorId, String id) {
    Training before = require(h, id);
    if (before.completedAt() == null)
      throw new Conflict("training '" + id + "' is not completed yet");
    if (before.criterionId() == null)
      throw Invalid.unprocessable("/criterionId", "effectiveness is measured per criterion");
    var after =
        QualityMeasure.measure(
            h,
            before.agentId(),
            "CRITERION_PASS_RATE",
            before.criterionId(),
            before.completedAt().toEpochMilli() + 1,
            Long.MAX_VALUE,
            Integer.MAX_VALUE);
    String verdict;
    if (after.count() < MIN_AFTER) verdict = "INSUFFICIENT_EVIDENCE";
    else if (before.baseline() == null || after.value() > before.baseline()) verdict = "IMPROVED";
    else verdict = "NOT_IMPROVED";
    h.createUpdate(
            "UPDATE training_records SET after_rate = :r, verdict = :v, reviewed_at = :now WHERE id = :id")
        .bind("r", after.value())
        .bind("v", verdict)
        .bind("now", clock.millis())
        .bind("id", id)
        .execute();
    Training t = require(h, id);
    audit.record(h, actorId, "training.review", "training", id, before, t);
    return t;
  }

  /** The record, or 404. */
  public Training require(Handle h, String id) {
    return query(h, " WHERE id = :id", Map.of("id", id)).stream()
        .findFirst()
        .orElseThrow(() -> new NotFound("training", id));
  }

  /** Records of one agent (null = all), newest first. */
  public List<Training> list(Handle h, String agentId) {
    return agentId == null
        ? query(h, "", Map.of())
        : query(h, " WHERE agent_id = :agent", Map.of("agent", agentId));
  }

  private static List<Training> query(Handle h, String where, Map<String, Object> binds) {
    return h.createQuery(
            "SELECT id, agent_id, team_id, topic, criterion_id, root_cause, assigned_by, assigned_at,"
                + " due_at, completed_at, baseline, after_rate, verdict FROM training_records"
                + where
                + " ORDER BY assigned_at DESC, id")
        .bindMap(binds)
        .map(
            (rs, ctx) ->
                new Training(
                    rs.getString("id"),
                    rs.getString("agent_id"),
                    rs.getString("team_id"),
                    rs.getString("topic"),
                    rs.getString("criterion_id"),
                    rs.getString("root_cause"),
                    rs.getString("assigned_by"),
                    Instant.ofEpochMilli(rs.getLong("assigned_at")),
                    instant(rs, "due_at"),
                    instant(rs, "completed_at"),
                    dbl(rs, "baseline"),
                    dbl(rs, "after_rate"),
                    rs.getString("verdict")))
        .list();
  }

  private static Instant instant(java.sql.ResultSet rs, String c) throws java.sql.SQLException {
    long v = rs.getLong(c);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static Double dbl(java.sql.ResultSet rs, String c) throws java.sql.SQLException {
    double v = rs.getDouble(c);
    return rs.wasNull() ? null : v;
  }
}
