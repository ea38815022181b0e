package io.qccompanion.server.evaluations;

import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.scorecards.ScorecardDefinition;
import io.qccompanion.server.scorecards.Scorecards;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.scoring.ScoreResult;
import io.qccompanion.server.scoring.ScoringEngine;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The workflows' one door into the evaluations feature: find, amend (new revision, re-scored,
 * written back), status changes and scoring against a published version.
 */
public final class EvaluationGateway {
  private final EvaluationService evaluations;
  private final Scorecards scorecards;
  private final ScoringEngine engine;

  public EvaluationGateway(
      EvaluationService evaluations, Scorecards scorecards, ScoringEngine engine) {
    this.evaluations = evaluations;
    this.scorecards = scorecards;
    this.engine = engine;
  }

  /** The evaluation, or 404. */
  public Evaluation require(Handle h, String id) {
    return evaluations.find(h, id).orElseThrow(() -> new NotFound("evaluation", id));
  }

  /** Amends through the evaluations service: revision n+1, re-scored, queued for write-back. */
  public Evaluation amend(
      Handle h, String id, Map<String, Answer> answers, String actorId, String reason) {
    return evaluations.amend(h, id, answers, actorId, reason);
  }

  /** Sets the workflow status (DISPUTED, AMENDED, UPHELD) of a submitted evaluation. */
  public void setStatus(Handle h, String id, String status) {
    h.createUpdate("UPDATE evaluations SET status = :s WHERE id = :id")
        .bind("s", status)
        .bind("id", id)
        .execute();
    evaluations.notifyChanged(h, id);
  }

  /** The definition of a published scorecard version, or 400 naming {@code field}. */
  public ScorecardDefinition definition(Handle h, String versionId, String field) {
    return scorecards
        .version(h, versionId)
        .orElseThrow(() -> Invalid.malformed(field, "no scorecard version '" + versionId + "'"))
        .definition();
  }

  /** Scores answers against a definition (400 naming the answer when invalid). */
  public ScoreResult score(ScorecardDefinition def, Map<String, Answer> answers) {
    return engine.score(def, answers);
  }
}
