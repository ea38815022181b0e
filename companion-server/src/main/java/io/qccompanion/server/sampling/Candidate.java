package io.qccompanion.server.sampling;

import java.time.Instant;
import java.util.List;

/**
 * One (ticket, agent) pair that can be sampled: multi-agent tickets yield one per attributed agent.
 *
 * @param teamId the agent's team, else the ticket's
 * @param solvedAt solve time (update time when the host reports none): decides the ISO week
 */
record Candidate(
    String ticketId,
    String agentId,
    String teamId,
    String channel,
    Instant solvedAt,
    String subject,
    String csatRating,
    int reopenCount,
    Long handleTimeSeconds,
    List<String> tags) {}
