package io.qccompanion.server.disputes;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.compliance.ComplianceEscalations;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Forbidden;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.evaluations.Evaluation;
import io.qccompanion.server.evaluations.EvaluationGateway;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Agent feedback on their evaluations (acknowledge, respond, dispute) and the QC lead's resolution.
 * Every method runs inside the caller's transaction and audits its change.
 */
public final class FeedbackService {
  private final Clock clock;
  private final AuditLog audit;
  private final EvaluationGateway evaluations;
  private final DisputeRulesStore rules;
  private final ComplianceEscalations escalations;

  public FeedbackService(
      Clock clock,
      AuditLog audit,
      EvaluationGateway evaluations,
      ComplianceEscalations escalations) {
    this.clock = clock;
    this.audit = audit;
    this.evaluations = evaluations;
    this.escalations = escalations;
    this.rules = new DisputeRulesStore(clock, audit);
  }

  /** The current dispute rules. */
  public DisputeRules rules(Handle h) {
    return rules.get(h);
  }

  DisputeRules putRules(Handle h, DisputeRules body, String actorId) {
    return rules.put(h, body, actorId);
  }

  /** The agent confirms they read the evaluation. */
  public Feedback acknowledge(Handle h, Principal p, String evaluationId) {
    Evaluation e = ownSubmitted(h, p, evaluationId);
    return insert(h, p, e, "ACKNOWLEDGE", null, null, null, null);
  }

  /** The agent answers the evaluation in writing. */
  public Feedback respond(Handle h, Principal p, String evaluationId, String text) {
    if (text == null || text.isBlank()) throw Invalid.malformed("/text", "text is required");
    Evaluation e = ownSubmitted(h, p, evaluationId);
    return insert(h, p, e, "RESPONSE", null, text.strip(), null, null);
  }

  /** The agent disputes the evaluation (or one criterion) within the rules' window. */
  public Feedback dispute(
      Handle h, Principal p, String evaluationId, String criterionId, String reason) {
    if (reason == null || reason.isBlank())
      throw Invalid.malformed("/reason", "reason is required");
    Evaluation e = ownSubmitted(h, p, evaluationId);
    DisputeRules r = rules.get(h);
    Instant closes = e.submittedAt().plus(Duration.ofDays(r.windowDays()));
    if (clock.instant().isAfter(closes))
      throw Invalid.unprocessable(
          "/evaluationId", "the dispute window of " + r.windowDays() + " days closed at " + closes);
    if ("OVERALL".equals(r.scope()) && criterionId != null)
      throw Invalid.malformed("/criterionId", "disputes are per evaluation, not per criterion");
    if ("CRITERION".equals(r.scope()) && criterionId == null)
      throw Invalid.malformed("/criterionId", "name the criterion you dispute");
    if (criterionId != null && !e.answers().containsKey(criterionId))
      throw Invalid.malformed("/criterionId", "no answer for criterion '" + criterionId + "'");
    int count = disputes(h, evaluationId).size();
    if (count >= r.maxPerEvaluation())
      throw Invalid.unprocessable(
          "/evaluationId",
          "this evaluation was already disputed "
              + count
              + " time(s); the limit is "
              + r.maxPerEvaluation());
    Instant due = clock.instant().plus(Duration.ofDays(r.slaDays()));
    Feedback f = insert(h, p, e, "DISPUTE", criterionId, reason.strip(), "OPEN", due);
    evaluations.setStatus(h, e.id(), "DISPUTED");
    return f;
  }

  /**
   * A QC lead (never the original QC, never the agent) upholds the evaluation or amends it: the
   * amendment is a new revision through the evaluations service, re-scored and written back.
   */
  public Feedback resolve(
      Handle h,
      Principal p,
      String disputeId,
      String outcome,
      String explanation,
      Map<String, Answer> answers) {
    Feedback before = require(h, disputeId);
    if (!"DISPUTE".equals(before.kind())) throw new NotFound("dispute", disputeId);
    if (!"OPEN".equals(before.status()))
      throw new Conflict("dispute '" + disputeId + "' is already " + before.status());
    Evaluation e = evaluations.require(h, before.evaluationId());
    if (p.role() == Role.AGENT || (p.agentId() != null && p.agentId().equals(e.agentId())))
      throw new Forbidden("you cannot resolve a dispute about your own evaluation");
    if (p.userId().equals(e.qcId()))
      throw new Forbidden("the QC who graded the evaluation cannot resolve its dispute");
    if (!p.seesTeam(e.teamId())) throw new Forbidden("the evaluation is outside your teams");
    if (explanation == null || explanation.isBlank())
      throw Invalid.malformed("/explanation", "explanation is required");
    String o = outcome == null ? "" : outcome.strip().toUpperCase();
    Double scoreAfter = e.score();
    Integer revisionAfter = e.revision();
    String status;
    if (o.equals("UPHOLD")) {
      status = "UPHELD";
    } else if (o.equals("AMEND")) {
      if (answers == null || answers.isEmpty())
        throw Invalid.malformed("/answers", "an amendment needs the changed answers");
      Map<String, Answer> merged = new HashMap<>(e.answers());
      merged.putAll(answers);
      Evaluation amended =
          evaluations.amend(
              h, e.id(), merged, p.userId(), "dispute " + disputeId + ": " + explanation.strip());
      escalations.raiseFor(h, e.id());
      scoreAfter = amended.score();
      revisionAfter = amended.revision();
      status = "AMENDED";
    } else throw Invalid.malformed("/outcome", "outcome must be UPHOLD or AMEND");
    h.createUpdate(
            """
            UPDATE feedback SET status = :status, resolved_by = :by, resolution = :text,
              resolved_at = :at, score_before = :before, score_after = :after, revision_after = :rev
            WHERE id = :id
            """)
        .bind("status", status)
        .bind("by", p.userId())
        .bind("text", explanation.strip())
        .bind("at", clock.millis())
        .bind("before", e.score())
        .bind("after", scoreAfter)
        .bind("rev", revisionAfter)
        .bind("id", disputeId)
        .execute();
    evaluations.setStatus(h, e.id(), status);
    Feedback after = require(h, disputeId);
    audit.record(h, p.userId(), "dispute.resolve", "dispute", disputeId, before, after);
    return after;
  }

  /** The feedback row, or 404. */
  public Feedback require(Handle h, String id) {
    long now = clock.millis();
    return h.createQuery("SELECT " + Feedback.COLUMNS + " FROM feedback WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> Feedback.map(rs, now))
        .findOne()
        .orElseThrow(() -> new NotFound("feedback", id));
  }

  /** All feedback on one evaluation, oldest first. */
  public List<Feedback> onEvaluation(Handle h, String evaluationId) {
    long now = clock.millis();
    return h.createQuery(
            "SELECT "
                + Feedback.COLUMNS
                + " FROM feedback WHERE evaluation_id = :e ORDER BY created_at, id")
        .bind("e", evaluationId)
        .map((rs, ctx) -> Feedback.map(rs, now))
        .list();
  }

  private List<Feedback> disputes(Handle h, String evaluationId) {
    return onEvaluation(h, evaluationId).stream().filter(f -> "DISPUTE".equals(f.kind())).toList();
  }

  private Evaluation ownSubmitted(Handle h, Principal p, String evaluationId) {
    if (evaluationId == null || evaluationId.isBlank())
      throw Invalid.malformed("/evaluationId", "evaluationId is required");
    Evaluation e = evaluations.require(h, evaluationId);
    if (p.role() != Role.AGENT || p.agentId() == null || !p.agentId().equals(e.agentId()))
      throw new Forbidden("only the evaluated agent may give feedback on this evaluation");
    if (e.draft() || !Evaluation.REGULAR.equals(e.kind()))
      throw new NotFound("evaluation", evaluationId);
    return e;
  }

  private Feedback insert(
      Handle h,
      Principal p,
      Evaluation e,
      String kind,
      String criterionId,
      String text,
      String status,
      Instant due) {
    String id = Ids.newId();
    h.createUpdate(
            """
            INSERT INTO feedback (id, evaluation_id, agent_id, team_id, qc_id, kind, criterion_id,
              text, status, due_at, score_before, created_by, created_at)
            VALUES (:id, :e, :agent, :team, :qc, :kind, :crit, :text, :status, :due, :score, :by, :at)
            """)
        .bind("id", id)
        .bind("e", e.id())
        .bind("agent", e.agentId())
        .bind("team", e.teamId())
        .bind("qc", e.qcId())
        .bind("kind", kind)
        .bind("crit", criterionId)
        .bind("text", text)
        .bind("status", status)
        .bind("due", due == null ? null : due.toEpochMilli())
        .bind("score", e.score())
        .bind("by", p.userId())
        .bind("at", clock.millis())
        .execute();
    Feedback f = require(h, id);
    audit.record(h, p.userId(), "feedback." + kind.toLowerCase(), "feedback", id, null, f);
    return f;
  }
}
