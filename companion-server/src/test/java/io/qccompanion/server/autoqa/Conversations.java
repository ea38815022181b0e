package io.qccompanion.server.autoqa;

import io.qccompanion.server.autoqa.ConversationMessage.Author;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-written conversations: a builder with a clock that moves on per message. */
final class Conversations {
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private final List<ConversationMessage> messages = new ArrayList<>();
  private Instant at = T0;
  private TicketMetrics metrics = TicketMetrics.NONE;
  private List<String> names = List.of();

  static Conversations start() {
    return new Conversations();
  }

  Conversations after(int minutes) {
    at = at.plusSeconds(60L * minutes);
    return this;
  }

  Conversations customer(String text) {
    messages.add(ConversationMessage.of(Author.CUSTOMER, at, text));
    return this;
  }

  Conversations agent(String text) {
    messages.add(ConversationMessage.of(Author.AGENT, at, text));
    return this;
  }

  Conversations agentHtml(String html) {
    messages.add(new ConversationMessage(Author.AGENT, true, at, null, html));
    return this;
  }

  Conversations note(String text) {
    messages.add(ConversationMessage.internalNote(at, text));
    return this;
  }

  Conversations metrics(TicketMetrics m) {
    metrics = m;
    return this;
  }

  Conversations names(String... n) {
    names = List.of(n);
    return this;
  }

  Conversation build() {
    return new Conversation(messages, metrics, names);
  }
}
