package io.qccompanion.simulators.zendesk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qccompanion.simulators.SimOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Renders simulated records shaped like the Zendesk Support API's JSON. */
final class SimJson {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private final String baseUrl;
  private final SimOptions options;

  SimJson(String baseUrl, SimOptions options) {
    this.baseUrl = baseUrl;
    this.options = options;
  }

  ObjectNode ticket(SimTicket t) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", t.id);
    n.put("url", baseUrl + "/api/v2/tickets/" + t.id + ".json");
    n.putNull("external_id");
    n.putObject("via").put("channel", t.channel);
    n.put("created_at", t.createdAt.toString());
    n.put("updated_at", t.updatedAt.toString());
    n.put("generated_timestamp", t.updatedAt.getEpochSecond());
    n.put("type", t.topic == Topic.BUG ? "problem" : "question");
    n.put("subject", t.subject());
    n.put("raw_subject", t.subject());
    n.put("description", t.topic.openings.get(t.variant % t.topic.openings.size()));
    n.put("priority", t.priority);
    n.put("status", t.status);
    n.put("recipient", "support@" + options.subdomain() + ".example.com");
    n.put("requester_id", t.requesterId);
    n.put("submitter_id", t.requesterId);
    if (t.assigneeId == null) n.putNull("assignee_id");
    else n.put("assignee_id", t.assigneeId);
    n.putNull("organization_id");
    n.put("group_id", t.groupId);
    n.putArray("collaborator_ids");
    n.putArray("follower_ids");
    n.putArray("email_cc_ids");
    n.putNull("problem_id");
    n.put("has_incidents", false);
    n.put("is_public", true);
    n.putNull("due_at");
    ArrayNode tags = n.putArray("tags");
    t.tags.forEach(tags::add);
    ArrayNode fields = n.putArray("custom_fields");
    for (Map.Entry<Long, String> f : t.customFields.entrySet()) {
      fields.addObject().put("id", f.getKey()).put("value", f.getValue());
    }
    ObjectNode rating = n.putObject("satisfaction_rating");
    rating.put("score", t.csatScore);
    if (t.csatScore.equals("good") || t.csatScore.equals("bad")) {
      rating.put("id", 700_000_000L + t.id);
      if (t.csatComment != null) rating.put("comment", t.csatComment);
    }
    n.putArray("sharing_agreement_ids");
    n.put("from_messaging_channel", t.channel.equals("chat"));
    return n;
  }

  ObjectNode metricSet(SimTicket t) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", 500_000_000L + t.id);
    n.put("ticket_id", t.id);
    n.put("url", baseUrl + "/api/v2/ticket_metrics/" + (500_000_000L + t.id) + ".json");
    n.put("created_at", t.createdAt.toString());
    n.put("updated_at", t.updatedAt.toString());
    n.put("group_stations", 1);
    n.put("assignee_stations", t.assigneeId == null ? 0 : 1);
    n.put("reopens", t.reopens);
    n.put("replies", t.replies);
    n.put("assignee_updated_at", t.updatedAt.toString());
    n.put("requester_updated_at", t.updatedAt.toString());
    n.put("status_updated_at", t.updatedAt.toString());
    Instant assigned = t.createdAt.plus(Duration.ofMinutes(Math.max(1, t.firstReplyMinutes / 2)));
    n.put("initially_assigned_at", assigned.toString());
    n.put("assigned_at", assigned.toString());
    if (t.solvedAt == null) n.putNull("solved_at");
    else n.put("solved_at", t.solvedAt.toString());
    n.put("latest_comment_added_at", t.updatedAt.toString());
    time(n, "reply_time_in_minutes", t.replies == 0 ? null : t.firstReplyMinutes);
    time(
        n, "first_resolution_time_in_minutes", t.solvedAt == null ? null : t.fullResolutionMinutes);
    time(n, "full_resolution_time_in_minutes", t.solvedAt == null ? null : t.fullResolutionMinutes);
    time(n, "agent_wait_time_in_minutes", t.solvedAt == null ? null : t.fullResolutionMinutes / 3);
    time(
        n,
        "requester_wait_time_in_minutes",
        t.solvedAt == null ? null : t.fullResolutionMinutes / 2);
    time(n, "on_hold_time_in_minutes", 0L);
    return n;
  }

  private static void time(ObjectNode n, String name, Long minutes) {
    ObjectNode time = n.putObject(name);
    if (minutes == null) {
      time.putNull("calendar");
      time.putNull("business");
    } else {
      time.put("calendar", minutes);
      time.put("business", minutes * 2 / 3);
    }
  }

  ObjectNode agent(Agent a) {
    return user(a.id(), a.name(), a.email(), "agent", a.groupId());
  }

  ObjectNode requester(long id) {
    return user(
        id, DataGenerator.requesterName(id), DataGenerator.requesterEmail(id), "end-user", null);
  }

  ObjectNode apiUser() {
    ObjectNode n =
        user(SimStore.API_USER_ID, "QC Companion Service", options.email(), "admin", null);
    n.put("time_zone", "London");
    n.put("iana_time_zone", "Europe/London");
    return n;
  }

  private ObjectNode user(long id, String name, String email, String role, Long groupId) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", id);
    n.put("url", baseUrl + "/api/v2/users/" + id + ".json");
    n.put("name", name);
    n.put("email", email);
    n.put("created_at", options.now().minus(Duration.ofDays(400)).toString());
    n.put("updated_at", options.now().minus(Duration.ofDays(3)).toString());
    n.put("time_zone", "London");
    n.put("locale", "en-US");
    n.put("role", role);
    n.put("active", true);
    n.put("verified", true);
    n.put("suspended", false);
    n.put("restricted_agent", false);
    if (groupId != null) n.put("default_group_id", groupId);
    return n;
  }

  ObjectNode group(Group g) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", g.id());
    n.put("url", baseUrl + "/api/v2/groups/" + g.id() + ".json");
    n.put("name", g.name());
    n.put("description", g.name() + " team");
    n.put("default", false);
    n.put("deleted", false);
    n.put("is_public", true);
    n.put("created_at", options.now().minus(Duration.ofDays(500)).toString());
    n.put("updated_at", options.now().minus(Duration.ofDays(30)).toString());
    return n;
  }

  ObjectNode comment(Comment c) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", c.id());
    n.put("type", "Comment");
    n.put("author_id", c.authorId());
    n.put("body", c.body());
    n.put("html_body", c.htmlBody());
    n.put("plain_body", c.body());
    n.put("public", c.publicComment());
    n.putArray("attachments");
    n.put("audit_id", c.id() + 1);
    n.putObject("via").put("channel", "web");
    n.put("created_at", c.createdAt().toString());
    ObjectNode metadata = n.putObject("metadata");
    metadata.putObject("system");
    metadata.putObject("custom");
    return n;
  }
}
