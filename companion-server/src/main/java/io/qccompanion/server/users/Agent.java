package io.qccompanion.server.users;

import java.time.Instant;

/** A support agent whose tickets are checked; linked to host users through host identities. */
public record Agent(
    String id, String name, String email, String teamId, boolean active, Instant startedAt) {}
