package io.qccompanion.simulators.zendesk;

/**
 * A simulated agent. {@code skill} (0..1) drives CSAT, reopens and handle time of the agent's
 * tickets, so a demo can generate QC grades that agree with the host data.
 */
public record Agent(
    long id, String name, String email, long groupId, String groupName, double skill) {}
