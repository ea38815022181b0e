package io.qccompanion.server.autoqa;

import java.util.List;

/**
 * The input of AutoQA: a ticket's messages in order, its metrics and the names of the people in it
 * (never reported as spelling mistakes).
 */
public record Conversation(
    List<ConversationMessage> messages, TicketMetrics metrics, List<String> participantNames) {

  public Conversation {
    messages = messages == null ? List.of() : List.copyOf(messages);
    metrics = metrics == null ? TicketMetrics.NONE : metrics;
    participantNames = participantNames == null ? List.of() : List.copyOf(participantNames);
  }

  /** A conversation without metrics or names. */
  public static Conversation of(List<ConversationMessage> messages) {
    return new Conversation(messages, TicketMetrics.NONE, List.of());
  }
}
