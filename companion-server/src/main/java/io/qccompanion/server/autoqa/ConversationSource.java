package io.qccompanion.server.autoqa;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Where the AutoQA worker reads a stored ticket's conversation: {@link StoredConversations}, the
 * {@code messages} table in transcript order.
 */
public interface ConversationSource {
  /**
   * The conversation of a stored ticket, empty when it has no message. Called inside the worker's
   * read transaction, one ticket at a time.
   */
  Optional<Conversation> read(Handle h, String ticketId);
}
