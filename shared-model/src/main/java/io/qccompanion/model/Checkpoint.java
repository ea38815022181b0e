package io.qccompanion.model;

/**
 * Where a {@link TicketSource} resumes. Opaque to the server: only the connector that produced it
 * reads {@link #value()}. The server commits a page's checkpoint in the same transaction as the
 * page's tickets, so after a crash the connector is handed the last committed checkpoint and
 * neither loses nor duplicates a ticket.
 *
 * @param value connector-specific state (e.g. a Zendesk cursor, a Jira "updated" minute plus ids
 *     seen in it); null for {@link #INITIAL}
 * @since 0.1
 */
public record Checkpoint(String value) {
  /** No sync has committed yet: the connector starts from the connection's start time. */
  public static final Checkpoint INITIAL = new Checkpoint(null);

  public boolean isInitial() {
    return value == null;
  }
}
