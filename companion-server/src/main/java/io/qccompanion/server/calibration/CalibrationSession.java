package io.qccompanion.server.calibration;

import java.time.Instant;
import java.util.List;

/**
 * A moderation meeting: the same tickets graded blind by several QCs, then revealed and discussed.
 *
 * @param status OPEN (grading, answers hidden) or REVEALED
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
    List<String> qcIds) {

  public boolean revealed() {
    return "REVEALED".equals(status);
  }
}
