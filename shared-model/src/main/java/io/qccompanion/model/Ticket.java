package io.qccompanion.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A closed or solved ticket (Zendesk ticket, Jira issue) as a connector reports it. Immutable;
 * {@code updatedAt} is the version: storing the same ticket with the same {@code updatedAt} again
 * changes nothing.
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
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
 * @since 0.1
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

  /**
   * A builder with every field at its documented default.
   *
   * @since 0.2
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this value's fields, to copy with a change.
   *
   * @since 0.2
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.connectionId = connectionId;
    b.externalId = externalId;
    b.key = key;
    b.subject = subject;
    b.status = status;
    b.channel = channel;
    b.requesterId = requesterId;
    b.assigneeId = assigneeId;
    b.assigneeAtSolveId = assigneeAtSolveId;
    b.replierIds = replierIds;
    b.teamId = teamId;
    b.tags = tags;
    b.priority = priority;
    b.createdAt = createdAt;
    b.updatedAt = updatedAt;
    b.solvedAt = solvedAt;
    b.reopenCount = reopenCount;
    b.replyCount = replyCount;
    b.handleTimeSeconds = handleTimeSeconds;
    b.firstReplyMinutes = firstReplyMinutes;
    b.resolutionMinutes = resolutionMinutes;
    b.csat = csat;
    b.conversation = conversation;
    b.customFields = customFields;
    b.url = url;
    return b;
  }

  /**
   * Builds {@link Ticket}; a field never set keeps its default (null, empty, zero or false unless
   * the component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private Host host;
    private String connectionId;
    private String externalId;
    private String key;
    private String subject;
    private String status;
    private String channel;
    private String requesterId;
    private String assigneeId;
    private String assigneeAtSolveId;
    private List<String> replierIds;
    private String teamId;
    private List<String> tags;
    private String priority;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant solvedAt;
    private int reopenCount;
    private int replyCount;
    private Long handleTimeSeconds;
    private Long firstReplyMinutes;
    private Long resolutionMinutes;
    private Csat csat;
    private List<Message> conversation;
    private Map<String, String> customFields;
    private String url;

    private Builder() {}

    public Builder host(Host host) {
      this.host = host;
      return this;
    }

    public Builder connectionId(String connectionId) {
      this.connectionId = connectionId;
      return this;
    }

    public Builder externalId(String externalId) {
      this.externalId = externalId;
      return this;
    }

    public Builder key(String key) {
      this.key = key;
      return this;
    }

    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    public Builder status(String status) {
      this.status = status;
      return this;
    }

    public Builder channel(String channel) {
      this.channel = channel;
      return this;
    }

    public Builder requesterId(String requesterId) {
      this.requesterId = requesterId;
      return this;
    }

    public Builder assigneeId(String assigneeId) {
      this.assigneeId = assigneeId;
      return this;
    }

    public Builder assigneeAtSolveId(String assigneeAtSolveId) {
      this.assigneeAtSolveId = assigneeAtSolveId;
      return this;
    }

    public Builder replierIds(List<String> replierIds) {
      this.replierIds = replierIds;
      return this;
    }

    public Builder teamId(String teamId) {
      this.teamId = teamId;
      return this;
    }

    public Builder tags(List<String> tags) {
      this.tags = tags;
      return this;
    }

    public Builder priority(String priority) {
      this.priority = priority;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    public Builder solvedAt(Instant solvedAt) {
      this.solvedAt = solvedAt;
      return this;
    }

    public Builder reopenCount(int reopenCount) {
      this.reopenCount = reopenCount;
      return this;
    }

    public Builder replyCount(int replyCount) {
      this.replyCount = replyCount;
      return this;
    }

    public Builder handleTimeSeconds(Long handleTimeSeconds) {
      this.handleTimeSeconds = handleTimeSeconds;
      return this;
    }

    public Builder firstReplyMinutes(Long firstReplyMinutes) {
      this.firstReplyMinutes = firstReplyMinutes;
      return this;
    }

    public Builder resolutionMinutes(Long resolutionMinutes) {
      this.resolutionMinutes = resolutionMinutes;
      return this;
    }

    public Builder csat(Csat csat) {
      this.csat = csat;
      return this;
    }

    public Builder conversation(List<Message> conversation) {
      this.conversation = conversation;
      return this;
    }

    public Builder customFields(Map<String, String> customFields) {
      this.customFields = customFields;
      return this;
    }

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Ticket build() {
      return new Ticket(
          host,
          connectionId,
          externalId,
          key,
          subject,
          status,
          channel,
          requesterId,
          assigneeId,
          assigneeAtSolveId,
          replierIds,
          teamId,
          tags,
          priority,
          createdAt,
          updatedAt,
          solvedAt,
          reopenCount,
          replyCount,
          handleTimeSeconds,
          firstReplyMinutes,
          resolutionMinutes,
          csat,
          conversation,
          customFields,
          url);
    }
  }
}
