package io.qccompanion.connector.zendesk;

import io.qccompanion.model.FeedbackNote;
import java.util.List;

/** Feedback notes for tests. */
final class FeedbackNotes {
  private FeedbackNotes() {}

  static FeedbackNote failing(String ticketId, String key) {
    return new FeedbackNote(
        key,
        ticketId,
        ticketId,
        "e7",
        1,
        "Email <Support> v3",
        62.5,
        false,
        true,
        List.of(
            new FeedbackNote.FailedCriterion(
                "Accuracy",
                "Correct & complete answer",
                true,
                List.of("Knowledge gap", "Didn't read the <history>"),
                "Refund policy quoted as 30 days; it's 14 \"calendar\" days.")),
        "Good tone, wrong facts.",
        "Check the refund policy page before answering.",
        "Dana O'Neil",
        "https://qc.example.com/evaluations/e7?rev=1&tab=answers");
  }
}
