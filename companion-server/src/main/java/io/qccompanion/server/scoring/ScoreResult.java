package io.qccompanion.server.scoring;

import java.util.List;

/**
 * The outcome of scoring a complete set of answers.
 *
 * @param score 0-100 rounded half-up to one decimal; null when every criterion was N/A
 * @param passed whether the rounded score reaches the pass mark; null when not scorable
 * @param criticalFail a critical criterion failed, so the score is 0
 * @param complianceFlag a critical or compliance criterion failed
 * @param criteria every criterion in scorecard order
 */
public record ScoreResult(
    Double score,
    Boolean passed,
    boolean criticalFail,
    boolean complianceFlag,
    List<CriterionResult> criteria) {

  /** Criteria that lost points, in scorecard order. */
  public List<CriterionResult> failed() {
    return criteria.stream().filter(CriterionResult::failed).toList();
  }
}
