package io.qccompanion.model;

import java.util.Optional;

/**
 * Writes QC results back onto the host ticket: an internal note plus configured fields and tags.
 * The server calls it from its outbox worker, one note at a time per connection.
 *
 * @since 0.1
 */
public interface FeedbackSink extends AutoCloseable {

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

  @Override
  default void close() {}
}
