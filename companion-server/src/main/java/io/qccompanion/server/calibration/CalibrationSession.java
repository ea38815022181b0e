package io.qccompanion.server.calibration;

import java.time.Instant;
import java.util.List;

/**
 * A moderation meeting: the same tickets graded blind by several QCs, then revealed and discussed.
 *
 * @param status OPEN (grading, answers hidden) or REVEALED
 * @param deadlineAt after it the lead may reveal even if not everyone graded; null: no deadline
 * @param benchmarkQcId whose grades are the benchmark when no agreed answers were recorded
 */
public record CalibrationSession(
    String id,
    String title,
    String scorecardVersionId,
    String status,
    String notes,
    String createdBy,
    Instant createdAt,
    Instant revealedAt,
    List<String> ticketIds,
    List<String> qcIds,
    Instant deadlineAt,
    String benchmarkQcId) {

  public boolean revealed() {
    return "REVEALED".equals(status);
  }
}
