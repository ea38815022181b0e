package io.qccompanion.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A closed or solved ticket (Zendesk ticket, Jira issue) as a connector reports it. Immutable;
 * {@code updatedAt} is the version: storing the same ticket with the same {@code updatedAt} again
 * changes nothing.
 *
 * @param externalId the host's stable id (Zendesk ticket id, Jira issue id)
 * @param key human key shown to users (Zendesk "#123", Jira "SUP-42")
 * @param assigneeId host user id of the current assignee, or null
 * @param assigneeAtSolveId host user id of the assignee when the ticket was solved, or null
 * @param replierIds host user ids of every agent who wrote a public reply, in order of first reply
 * @param teamId host id of the group (Zendesk) or project/team field (Jira), or null
 * @param handleTimeSeconds agent handle time (time worked), or null when the host does not report
 *     it
 * @param firstReplyMinutes business-agnostic minutes to first reply, or null
 * @param resolutionMinutes minutes from creation to (last) solve, or null
 * @param conversation public and internal messages; empty until fetched for sampled tickets
 */
public record Ticket(
    Host host,
    String connectionId,
    String externalId,
    String key,
    String subject,
    String status,
    String channel,
    String requesterId,
    String assigneeId,
    String assigneeAtSolveId,
    List<String> replierIds,
    String teamId,
    List<String> tags,
    String priority,
    Instant createdAt,
    Instant updatedAt,
    Instant solvedAt,
    int reopenCount,
    int replyCount,
    Long handleTimeSeconds,
    Long firstReplyMinutes,
    Long resolutionMinutes,
    Csat csat,
    List<Message> conversation,
    Map<String, String> customFields,
    String url) {

  public Ticket {
    if (host == null) throw new IllegalArgumentException("host == null");
    if (externalId == null || externalId.isBlank())
      throw new IllegalArgumentException("externalId is blank");
    if (updatedAt == null) throw new IllegalArgumentException("updatedAt == null");
    replierIds = replierIds == null ? List.of() : List.copyOf(replierIds);
    tags = tags == null ? List.of() : List.copyOf(tags);
    conversation = conversation == null ? List.of() : List.copyOf(conversation);
    customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
    csat = csat == null ? Csat.NONE : csat;
  }
}
