package io.qccompanion.server.evaluations;

import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Forbidden;
import org.jdbi.v3.core.Handle;

/**
 * Who may read which evaluation. Agents: their own, submitted, regular evaluations. QCs: their own,
 * and other QCs' submitted evaluations of a ticket only once they have submitted one themselves
 * (blind grading). Leads, managers and admins: everything in their team scope.
 */
final class EvaluationAccess {
  /**
   * SQL condition on {@code e} (binding {@code :me}): a calibration grade another grader may see.
   * It is submitted, and its session is revealed or {@code :me} only facilitates it (not a
   * participant grading blind).
   */
  static final String CALIBRATION_SEEN =
      """
      e.status <> 'DRAFT' AND EXISTS (SELECT 1 FROM calibration_sessions cs
        JOIN calibration_tickets ct ON ct.session_id = cs.id AND ct.ticket_id = e.ticket_id
        JOIN calibration_participants cp ON cp.session_id = cs.id AND cp.user_id = e.qc_id
        WHERE cs.scorecard_version_id = e.scorecard_version_id AND (cs.revealed_at IS NOT NULL
          OR NOT EXISTS (SELECT 1 FROM calibration_participants me
                         WHERE me.session_id = cs.id AND me.user_id = :me)))""";

  private final EvaluationStore store;

  EvaluationAccess(EvaluationStore store) {
    this.store = store;
  }

  void requireReadable(Handle h, Principal p, Evaluation e) {
    if (!readable(h, p, e))
      throw new Forbidden("evaluation '" + e.id() + "' is not visible to you");
  }

  boolean readable(Handle h, Principal p, Evaluation e) {
    if (p.role() == Role.AGENT)
      return p.agentId() != null
          && p.agentId().equals(e.agentId())
          && !e.draft()
          && Evaluation.REGULAR.equals(e.kind());
    if (p.userId().equals(e.qcId())) return true;
    if (Evaluation.CALIBRATION.equals(e.kind()))
      return p.role() != Role.QC
          && h.createQuery(
                      "SELECT COUNT(*) FROM evaluations e WHERE e.id = :id AND " + CALIBRATION_SEEN)
                  .bind("id", e.id())
                  .bind("me", p.userId())
                  .mapTo(Integer.class)
                  .one()
              > 0;
    if (!p.seesTeam(e.teamId())) return false;
    if (p.role() == Role.QC)
      return !e.draft()
          && Evaluation.REGULAR.equals(e.kind())
          && store.submittedOn(h, p.userId(), e.ticketId());
    return true;
  }

  /** Only the QC who owns a draft may change or submit it. */
  void requireOwnDraft(Principal p, Evaluation e) {
    if (!p.userId().equals(e.qcId()))
      throw new Forbidden("only the QC who started evaluation '" + e.id() + "' may edit it");
    if (!e.draft())
      throw new Conflict("evaluation '" + e.id() + "' is " + e.status() + ", not a draft");
  }
}
