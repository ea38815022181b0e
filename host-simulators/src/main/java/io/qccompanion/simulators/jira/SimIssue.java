package io.qccompanion.simulators.jira;

import io.qccompanion.simulators.SimOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One simulated issue; mutable, guarded by the {@link SimulatedJira} lock. */
final class SimIssue {
  /** A changelog entry: one field change. */
  record Change(
      long id,
      Instant at,
      String authorId,
      String field,
      String from,
      String fromString,
      String to,
      String toText) {}

  /** A comment written through the API (generated threads are rendered on the fly). */
  record Comment(
      long id,
      String authorId,
      Instant created,
      String text,
      Object adf,
      boolean jsdPublic,
      String visibilityType,
      String visibilityValue) {}

  final long id;
  final String key;
  final SimOptions.Project project;
  final String summary;
  final String issueType;
  final String priority;
  final String reporterId;
  final Instant created;
  final double skill;
  String assigneeId;
  SimStatus status;
  Instant updated;
  Instant resolved;
  Integer csatRating;

  /** How long the customer's follow-up waited for the last agent reply beyond the usual pace. */
  long lateReplySeconds;

  final Set<String> labels = new LinkedHashSet<>();
  final List<Change> history = new ArrayList<>();
  final List<Comment> comments = new ArrayList<>();
  final Map<String, Object> properties = new ConcurrentHashMap<>();

  SimIssue(
      long id,
      String key,
      SimOptions.Project project,
      String summary,
      String issueType,
      String priority,
      String reporterId,
      Instant created,
      double skill) {
    this.id = id;
    this.key = key;
    this.project = project;
    this.summary = summary;
    this.issueType = issueType;
    this.priority = priority;
    this.reporterId = reporterId;
    this.created = created;
    this.skill = skill;
    this.updated = created;
    this.status = SimStatus.OPEN;
  }

  void transition(long changeId, Instant at, String authorId, SimStatus to) {
    history.add(
        new Change(changeId, at, authorId, "status", status.id, status.name, to.id, to.name));
    status = to;
    if (to.done) resolved = at;
    else resolved = null;
    updated = at;
  }

  void assign(long changeId, Instant at, String authorId, String to) {
    history.add(new Change(changeId, at, authorId, "assignee", assigneeId, null, to, null));
    assigneeId = to;
    updated = at;
  }

  String id() {
    return Long.toString(id);
  }
}
