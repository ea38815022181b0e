package io.qccompanion.model;

/**
 * What a {@link FeedbackSink} did with a note.
 *
 * @param hostReference the host's id of the written comment, or null when no comment was written
 * @param detail human-readable explanation, e.g. why the note fell back to tags
 */
public record WriteResult(Outcome outcome, String hostReference, String detail) {
  public enum Outcome {
    /** Internal note (and configured fields/tags) written. */
    WRITTEN,
    /** The note with this idempotency key was already on the ticket; nothing new written. */
    ALREADY_PRESENT,
    /** The host refused a comment; tags/fields were written and the note stays on the companion. */
    FELL_BACK
  }

  public WriteResult {
    if (outcome == null) throw new IllegalArgumentException("outcome == null");
  }
}
