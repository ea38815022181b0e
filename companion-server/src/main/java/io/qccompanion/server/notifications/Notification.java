package io.qccompanion.server.notifications;

import java.time.Instant;

/**
 * One notification in a user's inbox.
 *
 * @param link the companion page that shows the subject, e.g. {@code /feedback/{id}}
 * @param readAt null while unread
 */
public record Notification(
    String id,
    String kind,
    String subjectType,
    String subjectId,
    String title,
    String link,
    Instant createdAt,
    Instant readAt) {}
