package io.qccompanion.server.autoqa;

import java.time.Instant;

/**
 * One message of a conversation as AutoQA reads it.
 *
 * @param author who wrote it
 * @param publicMessage false for internal notes
 * @param createdAt when it was written; never null
 * @param text plain text, or null when only {@code html} is known
 * @param html sanitised HTML, or null; when present AutoQA reads it instead of {@code text} so that
 *     quotes and code are recognised, and evidence offsets refer to {@link AutoQa#readableText}
 */
public record ConversationMessage(
    Author author, boolean publicMessage, Instant createdAt, String text, String html) {

  /** The kind of author. */
  public enum Author {
    AGENT,
    CUSTOMER,
    OTHER
  }

  public ConversationMessage {
    if (author == null) throw new IllegalArgumentException("author == null");
    if (createdAt == null) throw new IllegalArgumentException("createdAt == null");
    if (text == null && html == null) throw new IllegalArgumentException("text and html are null");
  }

  /** A public plain-text message. */
  public static ConversationMessage of(Author author, Instant createdAt, String text) {
    return new ConversationMessage(author, true, createdAt, text, null);
  }

  /** An internal note by an agent. */
  public static ConversationMessage internalNote(Instant createdAt, String text) {
    return new ConversationMessage(Author.AGENT, false, createdAt, text, null);
  }

  /** Whether this is a public reply written by an agent. */
  public boolean isAgentReply() {
    return author == Author.AGENT && publicMessage;
  }

  /** Whether this is a public message written by the customer. */
  public boolean isCustomerMessage() {
    return author == Author.CUSTOMER && publicMessage;
  }
}
