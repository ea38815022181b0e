package io.qccompanion.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes QC results back onto the host ticket: an internal note plus configured fields and tags.
 * The server calls it from its outbox worker, one note at a time per connection.
 *
 * <p>A write-back is a small saga of idempotent {@linkplain #steps() steps} (e.g. the note, then
 * labels and properties). The server records each finished step on its outbox row and, after any
 * failure or crash, resumes with the first step not done, so a note is never written twice and a
 * later step is never skipped.
 *
 * @since 0.1
 */
public interface FeedbackSink extends AutoCloseable {

  /** The single step of a sink that writes everything in {@link #publish}. */
  String PUBLISH = "publish";

  /**
   * Publishes {@code note}. Idempotent on {@link FeedbackNote#idempotencyKey()}: the note carries a
   * marker of the key, and publishing a key that is already on the ticket writes nothing new and
   * returns {@link WriteResult.Outcome#ALREADY_PRESENT}. When the host refuses comments on the
   * ticket (closed ticket, workflow rule) the sink writes tags/fields only and returns {@link
   * WriteResult.Outcome#FELL_BACK}.
   *
   * @throws ConnectorException on failure; if the outcome is unknown (timeout after sending) the
   *     caller must call {@link #find} before publishing again
   */
  WriteResult publish(FeedbackNote note) throws ConnectorException;

  /** Looks on the ticket for a note carrying {@code note}'s idempotency marker. */
  Optional<WriteResult> find(FeedbackNote note) throws ConnectorException;

  /**
   * The steps of one write-back, in order; the first one writes the note. Default: the single step
   * {@link #PUBLISH}.
   *
   * @since 0.2
   */
  default List<String> steps() {
    return List.of(PUBLISH);
  }

  /**
   * Writes one step of {@code note}. Must be idempotent: a step that creates something (a comment)
   * looks for it first when {@code afterUnknownOutcome}, and never resends a non-idempotent request
   * blind after a 5xx, timeout or dropped connection (it throws {@link
   * ConnectorException#outcomeUnknown} instead). Default: {@link #find} when the outcome is
   * unknown, else {@link #publish}.
   *
   * @param afterUnknownOutcome an earlier attempt of this step may have been applied
   * @param done results of the steps already finished for this note, by step name (e.g. the comment
   *     id a later step records)
   * @return what the step did; the first step's outcome is the write-back's outcome
   * @since 0.2
   */
  default WriteResult writeStep(
      String step, FeedbackNote note, boolean afterUnknownOutcome, Map<String, WriteResult> done)
      throws ConnectorException {
    if (afterUnknownOutcome) {
      Optional<WriteResult> found = find(note);
      if (found.isPresent()) return found.get();
    }
    return publish(note);
  }

  @Override
  default void close() {}
}
