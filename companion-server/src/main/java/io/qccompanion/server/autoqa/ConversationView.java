package io.qccompanion.server.autoqa;

import java.util.ArrayList;
import java.util.List;

/** A conversation read once: each message's readable text and who wrote what. */
final class ConversationView {
  private final Conversation conversation;
  private final List<ReadableText> texts = new ArrayList<>();

  public ConversationView(Conversation conversation) {
    this.conversation = conversation;
    for (ConversationMessage m : conversation.messages())
      texts.add(ReadableText.of(m.text(), m.html()));
  }

  public Conversation conversation() {
    return conversation;
  }

  public ConversationMessage message(int i) {
    return conversation.messages().get(i);
  }

  public ReadableText text(int i) {
    return texts.get(i);
  }

  public int size() {
    return texts.size();
  }

  /** Indices of public agent replies, in order. */
  public List<Integer> agentReplies() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) if (message(i).isAgentReply()) out.add(i);
    return out;
  }

  /** Indices of public customer messages, in order. */
  public List<Integer> customerMessages() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) if (message(i).isCustomerMessage()) out.add(i);
    return out;
  }

  /** Indices of agents' internal notes, in order. */
  public List<Integer> internalNotes() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      ConversationMessage m = message(i);
      if (!m.publicMessage() && m.author() == ConversationMessage.Author.AGENT) out.add(i);
    }
    return out;
  }

  /** The visible text of every public message, for language detection. */
  public String publicVisibleText() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < size(); i++)
      if (message(i).publicMessage()) b.append(text(i).visibleText()).append('\n');
    return b.toString();
  }

  /** Offset of the first visible non-blank character, or -1. */
  public static int firstVisible(ReadableText t) {
    String v = t.visibleText();
    for (int i = 0; i < v.length(); i++) if (!Character.isWhitespace(v.charAt(i))) return i;
    return -1;
  }

  /** Offset after the last visible non-blank character, or -1. */
  public static int lastVisible(ReadableText t) {
    String v = t.visibleText();
    for (int i = v.length() - 1; i >= 0; i--)
      if (!Character.isWhitespace(v.charAt(i))) return i + 1;
    return -1;
  }
}
