package io.qccompanion.server.autoqa;

import io.qccompanion.server.autoqa.ConversationMessage.Author;
import io.qccompanion.server.conversations.Conversations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Reads a ticket's conversation from the {@code messages} table through {@link Conversations}, in
 * the transcript's order, so that an evidence's {@link Evidence#messageIndex()} is the position of
 * the message in {@code GET /api/v1/tickets/{id}/messages} and in the panel.
 */
final class StoredConversations implements ConversationSource {
  private final Conversations conversations;

  StoredConversations(Conversations conversations) {
    this.conversations = conversations;
  }

  private record Ticket(
      String connectionId, String externalId, TicketMetrics metrics, String agentName) {}

  @Override
  public Optional<Conversation> read(Handle h, String ticketId) {
    return h.createQuery(
            """
            SELECT t.connection_id, t.external_id, t.reopen_count, t.handle_time_seconds,
              t.first_reply_minutes, a.name AS agent_name
            FROM tickets t LEFT JOIN agents a ON a.id = t.agent_id WHERE t.id = ?""")
        .bind(0, ticketId)
        .map(
            (rs, ctx) -> {
              long handle = rs.getLong("handle_time_seconds");
              Duration handleTime = rs.wasNull() ? null : Duration.ofSeconds(handle);
              long first = rs.getLong("first_reply_minutes");
              Duration firstReply = rs.wasNull() ? null : Duration.ofMinutes(first);
              return new Ticket(
                  rs.getString("connection_id"),
                  rs.getString("external_id"),
                  new TicketMetrics(rs.getInt("reopen_count"), handleTime, firstReply),
                  rs.getString("agent_name"));
            })
        .findOne()
        .flatMap(t -> conversation(h, t));
  }

  private Optional<Conversation> conversation(Handle h, Ticket t) {
    List<ConversationMessage> messages =
        conversations.read(h, t.connectionId(), t.externalId()).messages().stream()
            .map(StoredConversations::message)
            .toList();
    if (messages.isEmpty()) return Optional.empty();
    List<String> names = t.agentName() == null ? List.of() : List.of(t.agentName());
    return Optional.of(new Conversation(messages, t.metrics(), names));
  }

  /** Every stored message, none skipped: indices must match the transcript. */
  static ConversationMessage message(Conversations.StoredMessage m) {
    Author author =
        switch (m.authorKind()) {
          case "AGENT" -> Author.AGENT;
          case "CUSTOMER" -> Author.CUSTOMER;
          default -> Author.OTHER;
        };
    return new ConversationMessage(
        author,
        m.publicMessage(),
        Instant.ofEpochMilli(m.createdAt()),
        m.text() == null ? "" : m.text(),
        m.html());
  }
}
