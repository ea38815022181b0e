package io.qccompanion.model;

import java.time.Instant;

/**
 * One message of a ticket's conversation.
 *
 * @param authorId host id of the author
 * @param authorRole {@code customer}, {@code agent} or {@code system}
 * @param publicMessage false for internal notes
 */
public record Message(
    String authorId, String authorRole, boolean publicMessage, Instant createdAt, String body) {}
