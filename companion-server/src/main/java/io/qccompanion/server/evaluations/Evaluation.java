package io.qccompanion.server.evaluations;

import io.qccompanion.server.scoring.Answer;
import java.time.Instant;
import java.util.Map;

/**
 * One evaluation as stored: the current revision's answers and result.
 *
 * @param kind REGULAR or CALIBRATION
 * @param status DRAFT, SUBMITTED, DISPUTED, AMENDED or UPHELD
 * @param answers by criterion id
 */
public record Evaluation(
    String id,
    String ticketId,
    String agentId,
    String teamId,
    String scorecardVersionId,
    String qcId,
    String kind,
    String status,
    int revision,
    Double score,
    Boolean passed,
    boolean criticalFail,
    boolean complianceFlag,
    Map<String, Answer> answers,
    String overallComment,
    String coachingNote,
    Instant createdAt,
    Instant updatedAt,
    Instant submittedAt) {

  public static final String DRAFT = "DRAFT";
  public static final String REGULAR = "REGULAR";
  public static final String CALIBRATION = "CALIBRATION";

  public Evaluation {
    answers = answers == null ? Map.of() : Map.copyOf(answers);
  }

  public boolean draft() {
    return DRAFT.equals(status);
  }

  /** When it entered lists: submission time, or creation time for drafts. */
  public long sortKey() {
    return (submittedAt != null ? submittedAt : createdAt).toEpochMilli();
  }

  /** Kinds of evaluation: calibration ones are never written back nor shown to agents. */
  public enum Kind {
    REGULAR,
    CALIBRATION
  }

  /** This draft with new answers and comments. */
  public Evaluation withDraft(
      Map<String, Answer> newAnswers, String overall, String coaching, Instant now) {
    return new Evaluation(
        id,
        ticketId,
        agentId,
        teamId,
        scorecardVersionId,
        qcId,
        kind,
        status,
        revision,
        score,
        passed,
        criticalFail,
        complianceFlag,
        newAnswers,
        overall,
        coaching,
        createdAt,
        now,
        submittedAt);
  }

  /** This evaluation scored as {@code newRevision} with {@code newStatus}. */
  public Evaluation withResult(
      String newStatus,
      int newRevision,
      io.qccompanion.server.scoring.ScoreResult r,
      Map<String, Answer> newAnswers,
      Instant now,
      Instant submitted) {
    return new Evaluation(
        id,
        ticketId,
        agentId,
        teamId,
        scorecardVersionId,
        qcId,
        kind,
        newStatus,
        newRevision,
        r.score(),
        r.passed(),
        r.criticalFail(),
        r.complianceFlag(),
        newAnswers,
        overallComment,
        coachingNote,
        createdAt,
        now,
        submitted);
  }
}
