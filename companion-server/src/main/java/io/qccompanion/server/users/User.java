package io.qccompanion.server.users;

import io.qccompanion.server.auth.Role;
import java.util.List;

/** A person who logs in. {@code agentId} links an {@link Role#AGENT} user to the agent they are. */
public record User(
    String id,
    String email,
    String name,
    Role role,
    String agentId,
    List<String> teamIds,
    int weeklyCapacity,
    boolean active) {}
