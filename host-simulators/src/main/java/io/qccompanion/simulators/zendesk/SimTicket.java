package io.qccompanion.simulators.zendesk;

import io.qccompanion.simulators.SupportReplies;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Mutable state of one simulated ticket; guarded by the simulator's lock. */
final class SimTicket {
  long id;
  final Topic topic;
  final int variant;
  final String channel;
  final String priority;
  final long requesterId;
  final Set<String> tags = new LinkedHashSet<>();
  final java.util.Map<Long, String> customFields = new java.util.LinkedHashMap<>();
  Long assigneeId;
  long groupId;
  String status;
  Instant createdAt;
  Instant updatedAt;
  Instant solvedAt;
  int reopens;
  int replies;
  long firstReplyMinutes;
  long fullResolutionMinutes;
  String csatScore = "unoffered";
  String csatComment;

  /** How the assignee wrote this ticket's replies (see {@link SupportReplies}). */
  Set<SupportReplies.Habit> habits = java.util.EnumSet.noneOf(SupportReplies.Habit.class);

  /** How long the agent let the customer's first follow-up wait (LATE_REPLY habit), else 0. */
  long lateReplyMinutes;

  /** de, es or fr for the few tickets not in English; null for English. */
  String language;

  /** Generated on first access so 100,000 tickets stay cheap. */
  List<Comment> comments;

  SimTicket(long id, Topic topic, int variant, String channel, String priority, long requesterId) {
    this.id = id;
    this.topic = topic;
    this.variant = variant;
    this.channel = channel;
    this.priority = priority;
    this.requesterId = requesterId;
  }

  String subject() {
    if (language != null) return SupportReplies.foreignSubject(language);
    return topic.subjects.get(variant % topic.subjects.size());
  }

  boolean closedForComments() {
    return "closed".equals(status);
  }
}
