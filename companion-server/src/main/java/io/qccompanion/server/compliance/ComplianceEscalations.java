package io.qccompanion.server.compliance;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Compliance escalations: raised once per evaluation with a critical fail or a flagged compliance
 * criterion; owned, worked and resolved by managers and leads.
 */
public final class ComplianceEscalations {
  private static final Duration CRITICAL_DUE = Duration.ofDays(2);
  private static final Duration HIGH_DUE = Duration.ofDays(5);
  private final Clock clock;
  private final AuditLog audit;

  public ComplianceEscalations(Clock clock, AuditLog audit) {
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Raises the escalation for a submitted regular evaluation if it failed a critical or compliance
   * criterion; idempotent (returns the existing one). Call it in the submit/amend transaction.
   */
  public Optional<Escalation> raiseFor(Handle h, String evaluationId) {
    Optional<Escalation> existing = byEvaluation(h, evaluationId);
    if (existing.isPresent()) return existing;
    var row =
        h.createQuery(
                """
                SELECT ticket_id, agent_id, team_id, critical_fail, compliance_flag FROM evaluations
                WHERE id = :id AND kind = 'REGULAR' AND status <> 'DRAFT'
                  AND (critical_fail = 1 OR compliance_flag = 1)
                """)
            .bind("id", evaluationId)
            .mapToMap()
            .findOne();
    if (row.isEmpty()) return Optional.empty();
    boolean critical = ((Number) row.get().get("critical_fail")).intValue() == 1;
    List<String> flagged =
        h.createQuery(
                "SELECT criterion FROM evaluation_answers WHERE evaluation_id = :id AND (flagged = 1 OR critical_failed = 1) ORDER BY criterion")
            .bind("id", evaluationId)
            .mapTo(String.class)
            .list();
    String reason =
        (critical ? "Critical fail" : "Compliance criterion failed")
            + (flagged.isEmpty() ? "" : ": " + String.join(", ", flagged));
    Instant now = clock.instant();
    String id = Ids.newId();
    h.createUpdate(
            """
            INSERT INTO compliance_escalations (id, evaluation_id, ticket_id, agent_id, team_id,
              severity, reason, status, due_at, created_at, updated_at)
            VALUES (:id, :e, :t, :a, :team, :sev, :reason, 'OPEN', :due, :now, :now)
            """)
        .bind("id", id)
        .bind("e", evaluationId)
        .bind("t", (String) row.get().get("ticket_id"))
        .bind("a", (String) row.get().get("agent_id"))
        .bind("team", (String) row.get().get("team_id"))
        .bind("sev", critical ? "CRITICAL" : "HIGH")
        .bind("reason", reason)
        .bind("due", now.plus(critical ? CRITICAL_DUE : HIGH_DUE).toEpochMilli())
        .bind("now", now.toEpochMilli())
        .execute();
    Escalation e = require(h, id);
    audit.record(h, null, "compliance.raise", "escalation", id, null, e);
    return Optional.of(e);
  }

  /** Raises escalations for flagged evaluations that have none yet (safety net job). */
  public int sweep(Handle h) {
    List<String> ids =
        h.createQuery(
                """
                SELECT e.id FROM evaluations e
                LEFT JOIN compliance_escalations c ON c.evaluation_id = e.id
                WHERE e.kind = 'REGULAR' AND e.status <> 'DRAFT'
                  AND (e.critical_fail = 1 OR e.compliance_flag = 1) AND c.id IS NULL
                """)
            .mapTo(String.class)
            .list();
    ids.forEach(id -> raiseFor(h, id));
    return ids.size();
  }

  /** Changes owner, status, severity, notes or due date; RESOLVED needs resolution notes. */
  public Escalation update(Handle h, String actorId, String id, EscalationChange change) {
    Escalation before = require(h, id);
    String status =
        change.status() == null ? before.status() : change.status().strip().toUpperCase();
    if (!List.of("OPEN", "IN_PROGRESS", "RESOLVED").contains(status))
      throw Invalid.malformed("/status", "status must be OPEN, IN_PROGRESS or RESOLVED");
    String severity =
        change.severity() == null ? before.severity() : change.severity().strip().toUpperCase();
    if (!List.of("HIGH", "CRITICAL").contains(severity))
      throw Invalid.malformed("/severity", "severity must be HIGH or CRITICAL");
    String notes =
        change.resolutionNotes() == null ? before.resolutionNotes() : change.resolutionNotes();
    if ("RESOLVED".equals(status) && (notes == null || notes.isBlank()))
      throw Invalid.malformed("/resolutionNotes", "resolution notes are required to resolve");
    String owner = change.ownerId() == null ? before.ownerId() : change.ownerId();
    if (change.ownerId() != null
        && h.createQuery("SELECT COUNT(*) FROM users WHERE id = :id")
                .bind("id", owner)
                .mapTo(Integer.class)
                .one()
            == 0) throw Invalid.malformed("/ownerId", "no user '" + owner + "'");
    Instant due = change.dueAt() == null ? before.dueAt() : change.dueAt();
    long now = clock.millis();
    h.createUpdate(
            """
            UPDATE compliance_escalations SET owner_id = :owner, status = :status, severity = :sev,
              resolution_notes = :notes, due_at = :due, updated_at = :now, resolved_at = :resolved
            WHERE id = :id
            """)
        .bind("owner", owner)
        .bind("status", status)
        .bind("sev", severity)
        .bind("notes", notes)
        .bind("due", due.toEpochMilli())
        .bind("now", now)
        .bind("resolved", "RESOLVED".equals(status) ? (Long) now : null)
        .bind("id", id)
        .execute();
    Escalation after = require(h, id);
    audit.record(h, actorId, "compliance.update", "escalation", id, before, after);
    return after;
  }

  /** Fields a manager may change; null keeps the current value. */
  public record EscalationChange(
      String ownerId, String status, String severity, String resolutionNotes, Instant dueAt) {}

  /** The escalation, or 404. */
  public Escalation require(Handle h, String id) {
    long now = clock.millis();
    return h.createQuery(
            "SELECT " + Escalation.COLUMNS + " FROM compliance_escalations WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> Escalation.map(rs, now))
        .findOne()
        .orElseThrow(() -> new NotFound("escalation", id));
  }

  /** Escalations with {@code status} (null = all) created in [from, to), oldest first. */
  public List<Escalation> list(Handle h, String status, long from, long to) {
    long now = clock.millis();
    String filter = status == null ? "" : " AND status = :status";
    return h.createQuery(
            "SELECT "
                + Escalation.COLUMNS
                + " FROM compliance_escalations WHERE created_at >= :f"
                + " AND created_at < :t"
                + filter
                + " ORDER BY created_at, id")
        .bind("status", status == null ? "" : status)
        .bind("f", from)
        .bind("t", to)
        .map((rs, ctx) -> Escalation.map(rs, now))
        .list();
  }

  private Optional<Escalation> byEvaluation(Handle h, String evaluationId) {
    long now = clock.millis();
    return h.createQuery(
            "SELECT "
                + Escalation.COLUMNS
                + " FROM compliance_escalations WHERE evaluation_id = :e")
        .bind("e", evaluationId)
        .map((rs, ctx) -> Escalation.map(rs, now))
        .findOne();
  }
}
