package io.qccompanion.server.evaluations;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.domain.Forbidden;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.outbox.Outbox;
import io.qccompanion.server.scorecards.ScorecardSelector;
import io.qccompanion.server.scorecards.ScorecardVersion;
import io.qccompanion.server.scorecards.Scorecards;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.scoring.ScoreResult;
import io.qccompanion.server.scoring.ScoringEngine;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The evaluation lifecycle: drafts, submission (scored server-side, written back through the outbox
 * in the same transaction) and amendments. Every method works inside the caller's transaction.
 */
public final class EvaluationService {
  private final List<EvaluationListener> listeners;
  private static final String ENTITY = "evaluation";
  private final Clock clock;
  private final AuditLog audit;
  private final Scorecards scorecards;
  private final ScorecardSelector selector;
  private final ScoringEngine engine;
  private final Outbox outbox;
  private final EvaluationStore store = new EvaluationStore();
  private final EvaluationAccess access = new EvaluationAccess(store);

  public EvaluationService(
      Clock clock,
      AuditLog audit,
      Scorecards scorecards,
      ScorecardSelector selector,
      ScoringEngine engine,
      Outbox outbox,
      List<EvaluationListener> listeners) {
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
    this.audit = audit;
    this.scorecards = scorecards;
    this.selector = selector;
    this.engine = engine;
    this.outbox = outbox;
  }

  /** The evaluation with {@code id}, unchecked: callers apply their own access rules. */
  public Optional<Evaluation> find(Handle h, String id) {
    return store.find(h, id);
  }

  /**
   * Replaces the answers of a submitted evaluation (a dispute outcome) as revision n+1: re-scores,
   * rewrites the per-criterion rows, queues a new write-back and audits. The status is left to the
   * caller (e.g. AMENDED). Throws 404 for an unknown evaluation, 409 for a draft, 400 naming the
   * answer for invalid or missing answers.
   */
  public Evaluation amend(
      Handle h,
      String evaluationId,
      Map<String, Answer> newAnswers,
      String actorId,
      String reason) {
    Evaluation before = require(h, evaluationId);
    if (before.draft())
      throw new Conflict("evaluation '" + evaluationId + "' is a draft; submit it first");
    Map<String, Answer> answers = withoutNulls(newAnswers);
    ScoreResult r = engine.score(version(h, before).definition(), answers);
    Instant now = clock.instant();
    Evaluation after =
        before.withResult(
            before.status(), before.revision() + 1, r, answers, now, before.submittedAt());
    store.update(h, after);
    store.insertRevision(h, after, actorId, reason);
    store.replaceAnswers(h, evaluationId, r);
    queueWriteBack(h, after);
    notifyChanged(h, after.id());
    audit.record(h, actorId, "evaluation.amend", ENTITY, evaluationId, before, after);
    return after;
  }

  /** Starts a draft for the caller (checks team scope, self-grading, scorecard selection). */
  public Evaluation create(Handle h, Principal p, EvaluationRequest.Create req) {
    String ticketId = Fields.required(req.ticketId(), "/ticketId");
    TicketFacts ticket =
        TicketFacts.find(h, ticketId)
            .orElseThrow(() -> Invalid.malformed("/ticketId", "no ticket '" + ticketId + "'"));
    String kind =
        req.kind() == null
            ? Evaluation.REGULAR
            : Fields.oneOf(Evaluation.Kind.class, req.kind(), "/kind").name();
    // A calibration participant grades the session's tickets whatever their team scope.
    Optional<String> calibration =
        Evaluation.CALIBRATION.equals(kind)
            ? CalibrationGate.requireOpen(h, p.userId(), ticketId)
                .map(CalibrationGate.Membership::scorecardVersionId)
            : Optional.empty();
    if (calibration.isEmpty() && !p.seesTeam(ticket.teamId()))
      throw new Forbidden("ticket '" + ticketId + "' is outside your teams");
    if (ticket.attributedTo(h, p.agentId()))
      throw new Forbidden("you cannot grade a ticket attributed to yourself");
    String versionId =
        calibration.isPresent() && req.scorecardVersionId() == null
            ? calibration.get()
            : req.scorecardVersionId() != null
                ? scorecards
                    .version(h, req.scorecardVersionId())
                    .orElseThrow(
                        () ->
                            Invalid.malformed(
                                "/scorecardVersionId",
                                "no scorecard version '" + req.scorecardVersionId() + "'"))
                    .id()
                : selector
                    .forTicket(h, ticket.teamId(), ticket.channel(), ticket.tags())
                    .orElseThrow(
                        () ->
                            Invalid.unprocessable(
                                "/scorecardVersionId",
                                "no published scorecard matches this ticket; name one"))
                    .scorecardVersionId();
    if (store.exists(h, p.userId(), ticketId, kind))
      throw new Conflict("you already have a " + kind + " evaluation of this ticket");
    Map<String, Answer> answers = withoutNulls(req.answers());
    Instant now = clock.instant();
    var e =
        new Evaluation(
            Ids.newId(),
            ticketId,
            ticket.agentId(),
            ticket.teamId(),
            versionId,
            p.userId(),
            kind,
            Evaluation.DRAFT,
            1,
            null,
            null,
            false,
            false,
            answers,
            req.overallComment(),
            req.coachingNote(),
            now,
            now,
            null);
    engine.check(version(h, e).definition(), answers);
    store.insert(h, e);
    audit.record(h, p.userId(), "evaluation.create", ENTITY, e.id(), null, e);
    return e;
  }

  Evaluation change(Handle h, Principal p, String id, EvaluationRequest.Change req) {
    Evaluation before = require(h, id);
    access.requireOwnDraft(p, before);
    Evaluation after = applied(before, req);
    engine.check(version(h, after).definition(), after.answers());
    store.update(h, after);
    audit.record(h, p.userId(), "evaluation.update", ENTITY, id, before, after);
    return after;
  }

  /** Scores and submits the caller's draft, queueing the write-back in the same transaction. */
  public Evaluation submit(Handle h, Principal p, String id, EvaluationRequest.Change req) {
    Evaluation before = require(h, id);
    access.requireOwnDraft(p, before);
    if (Evaluation.CALIBRATION.equals(before.kind())) {
      CalibrationGate.requireOpen(h, p.userId(), before.ticketId());
    }
    Evaluation draft = applied(before, req);
    ScoreResult r = engine.score(version(h, draft).definition(), draft.answers());
    Instant now = clock.instant();
    Evaluation after = draft.withResult("SUBMITTED", 1, r, draft.answers(), now, now);
    store.update(h, after);
    store.insertRevision(h, after, p.userId(), null);
    store.insertAnswers(h, id, r); // a draft has no answer rows: they are written from here on
    queueWriteBack(h, after);
    notifyChanged(h, after.id());
    audit.record(h, p.userId(), "evaluation.submit", ENTITY, id, before, after);
    return after;
  }

  /**
   * The grader edits their own submitted (not disputed) evaluation within {@code window} of its
   * submission: answers and comments change as revision n+1, re-scored and written back again.
   */
  public Evaluation revise(
      Handle h, Principal p, String id, EvaluationRequest.Change req, java.time.Duration window) {
    Evaluation before = require(h, id);
    if (!p.userId().equals(before.qcId()))
      throw new Forbidden("only the QC who graded evaluation '" + id + "' may edit it");
    if (!"SUBMITTED".equals(before.status()) || !Evaluation.REGULAR.equals(before.kind()))
      throw new Conflict(
          "evaluation '" + id + "' is " + before.status() + "; only a submitted one can be edited");
    Instant until = editableUntil(before, window);
    if (until == null || clock.instant().isAfter(until))
      throw new Conflict("the edit window closed at " + until);
    Evaluation changed = applied(before, req);
    ScoreResult r = engine.score(version(h, changed).definition(), changed.answers());
    Evaluation after =
        changed.withResult(
            before.status(),
            before.revision() + 1,
            r,
            changed.answers(),
            clock.instant(),
            before.submittedAt());
    store.update(h, after);
    store.insertRevision(h, after, p.userId(), "edited by the grader");
    store.replaceAnswers(h, id, r);
    queueWriteBack(h, after);
    notifyChanged(h, id);
    audit.record(h, p.userId(), "evaluation.revise", ENTITY, id, before, after);
    return after;
  }

  /** Whether the grader may edit {@code e} now. */
  boolean editable(Evaluation e, java.time.Duration window) {
    Instant until = editableUntil(e, window);
    return until != null && !clock.instant().isAfter(until);
  }

  /** Until when the grader may still edit {@code e}; null when it cannot be edited at all. */
  static Instant editableUntil(Evaluation e, java.time.Duration window) {
    if (e.submittedAt() == null || !"SUBMITTED".equals(e.status())) return null;
    if (!Evaluation.REGULAR.equals(e.kind())) return null;
    return e.submittedAt().plus(window);
  }

  /** Tells the listeners that {@code evaluationId} changed (e.g. its workflow status). */
  public void notifyChanged(Handle h, String evaluationId) {
    for (EvaluationListener l : listeners) l.changed(h, evaluationId);
  }

  Evaluation readable(Handle h, Principal p, String id) {
    Evaluation e = require(h, id);
    access.requireReadable(h, p, e);
    return e;
  }

  EvaluationStore store() {
    return store;
  }

  ScorecardVersion version(Handle h, Evaluation e) {
    return scorecards
        .version(h, e.scorecardVersionId())
        .orElseThrow(() -> new IllegalStateException("missing version " + e.scorecardVersionId()));
  }

  private Evaluation require(Handle h, String id) {
    return store.find(h, id).orElseThrow(() -> new NotFound("evaluation", id));
  }

  // Calibration grades are exercises among QCs: they never reach the agent's ticket.
  private void queueWriteBack(Handle h, Evaluation e) {
    if (!Evaluation.REGULAR.equals(e.kind())) return;
    TicketFacts.connectionOf(h, e.ticketId())
        .ifPresent(c -> outbox.enqueue(h, e.id(), e.revision(), c));
  }

  private Evaluation applied(Evaluation e, EvaluationRequest.Change req) {
    if (req == null) return e;
    Map<String, Answer> answers = new HashMap<>(e.answers());
    if (req.answers() != null)
      req.answers()
          .forEach(
              (criterion, answer) -> {
                if (answer == null) answers.remove(criterion);
                else answers.put(criterion, answer);
              });
    return e.withDraft(
        answers,
        req.overallComment() != null ? req.overallComment() : e.overallComment(),
        req.coachingNote() != null ? req.coachingNote() : e.coachingNote(),
        clock.instant());
  }

  private static Map<String, Answer> withoutNulls(Map<String, Answer> answers) {
    Map<String, Answer> clean = new HashMap<>();
    if (answers != null)
      answers.forEach(
          (k, v) -> {
            if (v != null) clean.put(k, v);
          });
    return clean;
  }
}
