package io.qccompanion.connector.zendesk;

import io.qccompanion.model.FeedbackNote;
import java.util.List;

/** Feedback notes for tests. */
final class FeedbackNotes {
  private FeedbackNotes() {}

  static FeedbackNote failing(String ticketId, String key) {
    return FeedbackNote.builder()
        .idempotencyKey(key)
        .ticketExternalId(ticketId)
        .ticketKey(ticketId)
        .evaluationId("e7")
        .revision(1)
        .scorecardName("Email <Support> v3")
        .scorePercent(62.5)
        .criticalFail(true)
        .failedCriteria(
            List.of(
                FeedbackNote.FailedCriterion.builder()
                    .section("Accuracy")
                    .criterion("Correct & complete answer")
                    .critical(true)
                    .rootCauses(List.of("Knowledge gap", "Didn't read the <history>"))
                    .comment("Refund policy quoted as 30 days; it's 14 \"calendar\" days.")
                    .build()))
        .overallComment("Good tone, wrong facts.")
        .coachingNote("Check the refund policy page before answering.")
        .qcName("Dana O'Neil")
        .evaluationUrl("https://qc.example.com/evaluations/e7?rev=1&tab=answers")
        .build();
  }
}
