package io.qccompanion.simulators.zendesk;

import java.time.Instant;

/** A comment on a simulated ticket, as the simulator stores it. */
public record Comment(
    long id,
    long authorId,
    boolean publicComment,
    String body,
    String htmlBody,
    Instant createdAt) {}
