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
    if (!p.seesTeam(e.teamId())) return false;
    if (p.userId().equals(e.qcId())) return true;
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
