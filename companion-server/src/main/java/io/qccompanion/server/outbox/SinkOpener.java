package io.qccompanion.server.outbox;

import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackSink;

/**
 * Gives the write-back worker the sink of a connection. The opener owns the sink's lifecycle (it
 * may cache one per connection); the worker never closes it.
 */
@FunctionalInterface
public interface SinkOpener {
  /** The sink of {@code connectionId}; credential problems are reported as a ConnectorException. */
  FeedbackSink open(String connectionId) throws ConnectorException;
}
