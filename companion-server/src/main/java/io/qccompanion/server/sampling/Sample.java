package io.qccompanion.server.sampling;

import java.time.Instant;
import java.util.List;

/**
 * A stored sampling decision (selected or not) with the ticket fields a queue shows.
 *
 * @param reasons RANDOM, RISK_TIER, TRIGGER:&lt;name&gt;, QUOTA_TOPUP, MANUAL, REPLACEMENT; CAPPED
 *     on a decision the draw picked but the weekly maximum stopped
 * @param stratum agent|week|channel, the pool a replacement is drawn from
 * @param replacedBy the substitute decision's id when {@code status} is REPLACED
 */
record Sample(
    String id,
    String ticketId,
    String ticketKey,
    String subject,
    String channel,
    String url,
    String agentId,
    String teamId,
    boolean selected,
    String tier,
    List<String> reasons,
    String stratum,
    String assignedQcId,
    Instant dueAt,
    String status,
    String replacedBy,
    String replaceReason,
    Instant weekStart,
    Instant decidedAt) {}
