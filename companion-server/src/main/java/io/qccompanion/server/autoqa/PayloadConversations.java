package io.qccompanion.server.autoqa;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.autoqa.ConversationMessage.Author;
import io.qccompanion.server.domain.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads the conversation the sync stored in {@code tickets.payload} (plain-text bodies). */
public final class PayloadConversations implements ConversationSource {
  @Override
  public Optional<Conversation> read(Handle h, String ticketId) {
    return h.createQuery(
            """
            SELECT payload, reopen_count, handle_time_seconds, first_reply_minutes
            FROM tickets WHERE id = ?""")
        .bind(0, ticketId)
        .map(
            (rs, ctx) -> {
              long handle = rs.getLong("handle_time_seconds");
              Duration handleTime = rs.wasNull() ? null : Duration.ofSeconds(handle);
              long first = rs.getLong("first_reply_minutes");
              Duration firstReply = rs.wasNull() ? null : Duration.ofMinutes(first);
              return parse(
                  rs.getString("payload"),
                  new TicketMetrics(rs.getInt("reopen_count"), handleTime, firstReply));
            })
        .findOne()
        .flatMap(c -> c);
  }

  static Optional<Conversation> parse(String payload, TicketMetrics metrics) {
    JsonNode messages;
    try {
      messages = Json.MAPPER.readTree(payload).path("conversation");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("tickets.payload is not JSON", e);
    }
    List<ConversationMessage> out = new ArrayList<>();
    for (JsonNode m : messages) {
      String created = m.path("createdAt").asText(null);
      String body = m.path("body").asText(null);
      if (created == null || body == null) continue; // no time or text: nothing to check
      Author author =
          switch (m.path("authorRole").asText("")) {
            case "agent" -> Author.AGENT;
            case "customer" -> Author.CUSTOMER;
            default -> Author.OTHER;
          };
      out.add(
          new ConversationMessage(
              author, m.path("publicMessage").asBoolean(true), Instant.parse(created), body, null));
    }
    return out.isEmpty()
        ? Optional.empty()
        : Optional.of(new Conversation(out, metrics, List.of()));
  }
}
