package io.qccompanion.model;

import java.util.List;

/**
 * The QC result of one evaluation revision, to be written onto the host ticket. Host formatting
 * (HTML, ADF, plain text) is the connector's job.
 *
 * @param idempotencyKey unique per evaluation revision, e.g. {@code qc-<evaluationId>-r2}
 * @param ticketExternalId the host's id of the ticket
 * @param ticketKey the host's human key (Jira issue key; Zendesk id)
 * @param scorePercent 0-100 with one decimal, null when every criterion was N/A
 * @param failedCriteria criteria that scored below full marks
 * @param evaluationUrl link to the evaluation on the companion
 */
public record FeedbackNote(
    String idempotencyKey,
    String ticketExternalId,
    String ticketKey,
    String evaluationId,
    int revision,
    String scorecardName,
    Double scorePercent,
    boolean passed,
    boolean criticalFail,
    List<FailedCriterion> failedCriteria,
    String overallComment,
    String coachingNote,
    String qcName,
    String evaluationUrl) {

  /** A criterion that lost points, with what the QC wrote. */
  public record FailedCriterion(
      String section, String criterion, boolean critical, List<String> rootCauses, String comment) {
    public FailedCriterion {
      rootCauses = rootCauses == null ? List.of() : List.copyOf(rootCauses);
    }
  }

  public FeedbackNote {
    if (idempotencyKey == null || idempotencyKey.isBlank())
      throw new IllegalArgumentException("idempotencyKey is blank");
    if (ticketExternalId == null) throw new IllegalArgumentException("ticketExternalId == null");
    failedCriteria = failedCriteria == null ? List.of() : List.copyOf(failedCriteria);
  }
}
