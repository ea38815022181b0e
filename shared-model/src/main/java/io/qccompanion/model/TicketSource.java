package io.qccompanion.model;

import java.util.List;

/**
 * Pulls closed tickets from one configured connection, incrementally (model: Kafka Connect's {@code
 * SourceTask}). The server owns the checkpoint: it hands the last committed one to {@link
 * #fetchClosedSince} and commits the returned {@link Page#next()} with the page's tickets in one
 * transaction. Instances are used by one thread at a time and may keep HTTP clients open until
 * {@link #close()}.
 *
 * @since 0.1
 */
public interface TicketSource extends AutoCloseable {

  /**
   * Fetches the next page of tickets that became closed (or changed while closed) after {@code
   * from}. Transient failures (429, 5xx, timeouts, malformed bodies) are retried inside the call
   * within the connection's request budget; what remains is thrown.
   *
   * @param from the last committed checkpoint, {@link Checkpoint#INITIAL} on the first run
   * @param pageHint preferred number of tickets; the connector may return fewer or more
   * @throws ConnectorException when the host cannot be read; {@link
   *     ConnectorException#credentialsInvalid()} pauses the connection
   */
  Page fetchClosedSince(Checkpoint from, int pageHint) throws ConnectorException;

  /** Checks credentials, permissions, clock/time zone and rate-limit headroom; never throws. */
  ConnectionCheck check();

  /**
   * Reads the conversation (and any details that are costly to fetch in bulk, such as JSM CSAT) of
   * one ticket; called only for sampled tickets, never for every ticket.
   *
   * @return messages oldest first; empty if the host has none
   */
  default List<Message> fetchConversation(String externalId) throws ConnectorException {
    return List.of();
  }

  @Override
  default void close() {}
}
