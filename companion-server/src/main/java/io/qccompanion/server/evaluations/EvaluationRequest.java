package io.qccompanion.server.evaluations;

import io.qccompanion.server.scoring.Answer;
import java.util.Map;

/** Request bodies of the evaluation API; unknown fields (a client-sent score) are rejected. */
final class EvaluationRequest {
  private EvaluationRequest() {}

  /** Starts a draft; without {@code scorecardVersionId} the selection rule picks one. */
  record Create(
      String ticketId,
      String scorecardVersionId,
      String kind,
      Map<String, Answer> answers,
      String overallComment,
      String coachingNote) {}

  /**
   * Changes a draft: given answers replace those of the same criterion (null removes one), given
   * comments replace the old ones.
   */
  record Change(Map<String, Answer> answers, String overallComment, String coachingNote) {}
}
