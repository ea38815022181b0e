package io.qccompanion.simulators.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qccompanion.simulators.SimOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The simulated resources, shaped like the examples of the official specs. */
final class SimResources {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private static final Set<String> ROLES =
      Set.of("Administrators", "Service Desk Team", "Developers", "Users");
  private static final Set<String> GROUPS =
      Set.of("jira-administrators", "jira-servicemanagement-users", "support-agents");
  private static final int DC_RESULT_CAP = 10_000;

  private final SimulatedJira jira;
  private final SimOptions o;

  SimResources(SimulatedJira jira) {
    this.jira = jira;
    this.o = jira.options;
  }

  private boolean dc() {
    return "dc".equalsIgnoreCase(o.flavor());
  }

  ObjectNode myself(boolean v2) {
    ObjectNode me = JSON.createObjectNode();
    if (v2 && dc()) me.put("key", "JIRAUSER10000").put("name", "qc-bot");
    else me.put("accountId", "557058:sim-qc-bot").put("accountType", "atlassian");
    return me.put("emailAddress", o.email())
        .put("displayName", "QC Companion (service account)")
        .put("active", true)
        .put("timeZone", o.timeZone().getId())
        .put("locale", "en_US");
  }

  ObjectNode permissions(String keys) {
    if (keys == null || keys.isBlank())
      throw new IllegalArgumentException("The permissions query parameter is required.");
    ObjectNode all = JSON.createObjectNode();
    ObjectNode perms = all.putObject("permissions");
    for (String key : keys.split(",")) {
      perms
          .putObject(key.trim())
          .put("id", String.valueOf(Math.abs(key.hashCode() % 100)))
          .put("key", key.trim())
          .put("name", key.trim())
          .put("type", "PROJECT")
          .put("havePermission", true);
    }
    return all;
  }

  ArrayNode statuses() {
    ArrayNode list = JSON.createArrayNode();
    for (SimStatus s : SimStatus.values()) {
      ObjectNode n =
          list.addObject().put("id", s.id).put("name", s.name).put("description", s.name);
      n.putObject("statusCategory")
          .put("id", s.categoryId)
          .put("key", s.categoryKey)
          .put("name", s.categoryName)
          .put("colorName", s.done ? "green" : "yellow");
    }
    return list;
  }

  SimApi.Reply searchJql(JsonNode in) {
    if (in == null || !in.hasNonNull("jql")) throw new IllegalArgumentException("jql is required");
    JqlFilter filter = JqlFilter.parse(in.path("jql").asText(), o.timeZone(), o.clock().instant());
    List<String> fields = new ArrayList<>();
    in.path("fields").forEach(f -> fields.add(f.asText()));
    boolean idsOnly =
        fields.isEmpty() || fields.equals(List.of("id")) || fields.equals(List.of("key"));
    int max = Math.min(in.path("maxResults").asInt(50), idsOnly ? 5000 : o.searchPageCap());
    SimulatedJira.Position after = null;
    if (in.hasNonNull("nextPageToken")) {
      String[] parts =
          new String(
                  Base64.getUrlDecoder().decode(in.path("nextPageToken").asText()),
                  StandardCharsets.UTF_8)
              .split(":");
      after =
          new SimulatedJira.Position(
              Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1]));
    }
    var tail =
        after != null
            ? jira.byUpdated.tailMap(after, false)
            : jira.byUpdated.tailMap(
                new SimulatedJira.Position(filter.lowerBound, Long.MIN_VALUE), true);
    ObjectNode out = JSON.createObjectNode();
    ArrayNode issues = out.putArray("issues");
    SimulatedJira.Position last = null;
    boolean more = false;
    for (var e : tail.entrySet()) {
      if (!filter.matches(e.getValue())) continue;
      if (issues.size() == max) {
        more = true;
        break;
      }
      issues.add(issue(e.getValue(), fields, false, false));
      last = e.getKey();
    }
    if (more) {
      out.put(
          "nextPageToken",
          Base64.getUrlEncoder()
              .encodeToString(
                  (last.updated().toEpochMilli() + ":" + last.id())
                      .getBytes(StandardCharsets.UTF_8)));
    }
    out.put("isLast", !more);
    return SimApi.Reply.ok(out);
  }

  SimApi.Reply searchV2(Map<String, String> q) {
    if (!q.containsKey("jql")) throw new IllegalArgumentException("jql is required");
    JqlFilter filter = JqlFilter.parse(q.get("jql"), o.timeZone(), o.clock().instant());
    int startAt = Integer.parseInt(q.getOrDefault("startAt", "0"));
    int max = Math.min(Integer.parseInt(q.getOrDefault("maxResults", "50")), 1000);
    if (startAt >= DC_RESULT_CAP) {
      return SimApi.Reply.error(
          400, "Result window is too large: startAt must be below " + DC_RESULT_CAP);
    }
    List<String> fields =
        q.containsKey("fields") ? List.of(q.get("fields").split(",")) : List.of("*navigable");
    boolean changelog = q.getOrDefault("expand", "").contains("changelog");
    ObjectNode out = JSON.createObjectNode();
    ArrayNode issues = JSON.createArrayNode();
    int total = 0;
    for (SimIssue issue :
        jira.byUpdated
            .tailMap(new SimulatedJira.Position(filter.lowerBound, Long.MIN_VALUE), true)
            .values()) {
      if (!filter.matches(issue)) continue;
      if (total >= startAt && issues.size() < max)
        issues.add(issue(issue, fields, true, changelog));
      total++;
    }
    out.put("startAt", startAt).put("maxResults", max).put("total", total).set("issues", issues);
    return SimApi.Reply.ok(out);
  }

  SimApi.Reply bulkChangelog(JsonNode in) {
    JsonNode refs = in == null ? null : in.get("issueIdsOrKeys");
    if (refs == null || refs.isEmpty() || refs.size() > 1000) {
      throw new IllegalArgumentException("issueIdsOrKeys must hold 1 to 1000 issues");
    }
    Set<String> fieldIds = new HashSet<>();
    in.path("fieldIds").forEach(f -> fieldIds.add(f.asText()));
    int max = Math.min(in.path("maxResults").asInt(1000), 10_000);
    int offset =
        in.hasNonNull("nextPageToken") ? Integer.parseInt(in.path("nextPageToken").asText()) : 0;
    ObjectNode out = JSON.createObjectNode();
    ArrayNode logs = out.putArray("issueChangeLogs");
    int position = 0;
    int emitted = 0;
    for (JsonNode ref : refs) {
      SimIssue issue = jira.issuesByRef.get(ref.asText());
      if (issue == null) continue;
      ArrayNode histories = null;
      for (SimIssue.Change c : issue.history) {
        if (!fieldIds.isEmpty() && !fieldIds.contains(c.field())) continue;
        if (position++ < offset) continue;
        if (emitted == max) {
          out.put("nextPageToken", String.valueOf(offset + emitted));
          return SimApi.Reply.ok(out);
        }
        if (histories == null) {
          histories = logs.addObject().put("issueId", issue.id()).putArray("changeHistories");
        }
        histories.add(history(c, false));
        emitted++;
      }
    }
    return SimApi.Reply.ok(out);
  }

  /**
   * Comments a search returns inline in the {@code comment} field; the rest need a comment read.
   */
  static final int INLINE_COMMENTS = 20;

  /** Id of the simulated JSM Satisfaction field (set option {@code field.satisfaction}). */
  public static final String SATISFACTION_FIELD = "customfield_10041";

  SimApi.Reply comments(SimIssue issue, Map<String, String> q, boolean v2) {
    List<ObjectNode> all = allComments(issue, v2);
    int startAt = Integer.parseInt(q.getOrDefault("startAt", "0"));
    int max = Math.min(Integer.parseInt(q.getOrDefault("maxResults", "50")), 100);
    ObjectNode out = JSON.createObjectNode();
    out.put("startAt", startAt).put("maxResults", max).put("total", all.size());
    ArrayNode list = out.putArray("comments");
    all.stream().skip(startAt).limit(max).forEach(list::add);
    return SimApi.Reply.ok(out);
  }

  /** The generated conversation (customer and assignee), then comments written through the API. */
  private List<ObjectNode> allComments(SimIssue issue, boolean v2) {
    List<ObjectNode> all = new ArrayList<>();
    if (issue.assigneeId != null) {
      List<String[]> thread = IssueGenerator.thread(issue, o.seed());
      Instant end = issue.resolved != null ? issue.resolved : issue.updated;
      long span = end.getEpochSecond() - issue.created.getEpochSecond();
      // a late answer: the last agent reply comes the delay after the customer's follow-up
      long gap = Math.max(0, Math.min(issue.lateReplySeconds, span - 60L * (thread.size() + 1)));
      long step = Math.max(60, (span - gap) / (thread.size() + 1));
      for (int i = 0; i < thread.size(); i++) {
        boolean customer = thread.get(i)[0].equals("customer");
        String author = customer ? issue.reporterId : issue.assigneeId;
        all.add(
            comment(
                issue.id * 10 + i,
                author,
                issue.created.plusSeconds(step * (i + 1) + (i == thread.size() - 1 ? gap : 0)),
                thread.get(i)[1],
                null,
                true,
                null,
                null,
                v2));
      }
    }
    for (SimIssue.Comment c : issue.comments) {
      all.add(
          comment(
              c.id(),
              c.authorId(),
              c.created(),
              c.text(),
              c.adf(),
              c.jsdPublic(),
              c.visibilityType(),
              c.visibilityValue(),
              v2));
    }
    return all;
  }

  SimApi.Reply addComment(SimIssue issue, JsonNode in, boolean v2) {
    if (in == null || !in.has("body"))
      throw new IllegalArgumentException("Comment body can not be empty!");
    JsonNode body = in.get("body");
    String text;
    if (v2) {
      if (!body.isTextual())
        return SimApi.Reply.error(400, "Comment body must be a string in API v2.");
      text = body.asText();
    } else {
      if (!validAdf(body)) {
        ObjectNode err = JSON.createObjectNode();
        err.putArray("errorMessages");
        err.putObject("errors").put("comment", "Comment body is not valid!");
        return new SimApi.Reply(400, err);
      }
      text = adfText(body);
    }
    String type = null;
    String value = null;
    if (in.has("visibility")) {
      type = in.path("visibility").path("type").asText();
      value = in.path("visibility").path("value").asText();
      boolean known =
          type.equals("role")
              ? ROLES.contains(value)
              : type.equals("group") && GROUPS.contains(value);
      if (!known)
        return SimApi.Reply.error(400, "Visibility " + type + " '" + value + "' does not exist.");
    }
    if (issue.status.done && jira.faults.commentsForbiddenOnDone()) {
      return SimApi.Reply.error(403, "You do not have the permission to comment on this issue.");
    }
    SimIssue.Comment c =
        new SimIssue.Comment(
            jira.commentIds.incrementAndGet(),
            "557058:sim-qc-bot",
            o.clock().instant(),
            text,
            v2 ? null : body,
            true,
            type,
            value);
    issue.comments.add(c);
    jira.touch(issue, c.created());
    return new SimApi.Reply(
        201, comment(c.id(), c.authorId(), c.created(), text, c.adf(), true, type, value, v2));
  }

  SimApi.Reply addRequestComment(SimIssue issue, JsonNode in) {
    if (in == null || !in.path("body").isTextual())
      throw new IllegalArgumentException("body is required");
    if (issue.status.done && jira.faults.commentsForbiddenOnDone()) {
      return SimApi.Reply.error(403, "You do not have the permission to comment on this request.");
    }
    boolean isPublic = in.path("public").asBoolean(true);
    SimIssue.Comment c =
        new SimIssue.Comment(
            jira.commentIds.incrementAndGet(),
            "557058:sim-qc-bot",
            o.clock().instant(),
            in.path("body").asText(),
            null,
            isPublic,
            null,
            null);
    issue.comments.add(c);
    jira.touch(issue, c.created());
    ObjectNode out = JSON.createObjectNode();
    out.put("id", String.valueOf(c.id())).put("body", c.text()).put("public", isPublic);
    out.set("author", user(c.authorId(), false));
    out.putObject("created")
        .put("iso8601", TIME.format(c.created().atZone(o.timeZone())))
        .put("epochMillis", c.created().toEpochMilli());
    return new SimApi.Reply(201, out);
  }

  SimApi.Reply feedback(SimIssue issue) {
    if (issue.csatRating == null) return SimApi.Reply.error(404, "No feedback for this request.");
    ObjectNode out = JSON.createObjectNode().put("type", "csat").put("rating", issue.csatRating);
    if (issue.csatRating <= 2)
      out.putObject("comment").put("body", "Took too long and I had to explain twice.");
    return SimApi.Reply.ok(out);
  }

  SimApi.Reply editIssue(SimIssue issue, JsonNode in) {
    if (in == null) throw new IllegalArgumentException("body is required");
    for (JsonNode op : in.path("update").path("labels")) {
      if (op.has("add")) issue.labels.add(op.path("add").asText());
      if (op.has("remove")) issue.labels.remove(op.path("remove").asText());
      if (op.has("set")) {
        issue.labels.clear();
        op.path("set").forEach(l -> issue.labels.add(l.asText()));
      }
    }
    in.path("fields")
        .fields()
        .forEachRemaining(f -> issue.properties.put("field:" + f.getKey(), f.getValue()));
    for (JsonNode p : in.path("properties")) {
      if (p.path("value").toString().length() > 32_768)
        return SimApi.Reply.error(400, "The property value is too long.");
      issue.properties.put(p.path("key").asText(), p.path("value"));
    }
    jira.touch(issue, o.clock().instant());
    return new SimApi.Reply(204, null);
  }

  SimApi.Reply property(SimIssue issue, String key) {
    Object value = issue.properties.get(key);
    if (value == null)
      return SimApi.Reply.error(404, "The property with key '" + key + "' does not exist.");
    ObjectNode out = JSON.createObjectNode().put("key", key);
    out.set("value", (JsonNode) value);
    return SimApi.Reply.ok(out);
  }

  SimApi.Reply setProperty(SimIssue issue, String key, JsonNode in) {
    if (in == null) throw new IllegalArgumentException("The property value must be valid JSON.");
    if (in.toString().length() > 32_768)
      return SimApi.Reply.error(400, "The property value is too long.");
    boolean created = issue.properties.put(key, in) == null;
    return new SimApi.Reply(created ? 201 : 200, null);
  }

  private ObjectNode issue(SimIssue issue, List<String> fields, boolean v2, boolean changelog) {
    ObjectNode out = JSON.createObjectNode().put("id", issue.id()).put("key", issue.key);
    out.put("self", jira.baseUrl() + "/rest/api/" + (v2 ? 2 : 3) + "/issue/" + issue.id());
    ObjectNode f = out.putObject("fields");
    boolean all = fields.contains("*all") || fields.contains("*navigable");
    for (String name :
        List.of(
            "summary",
            "status",
            "assignee",
            "reporter",
            "project",
            "created",
            "updated",
            "resolutiondate",
            "labels",
            "priority",
            "issuetype",
            "comment")) {
      if (!all && !fields.contains(name)) continue;
      switch (name) {
        case "summary" -> f.put("summary", issue.summary);
        case "status" -> {
          ObjectNode s =
              f.putObject("status").put("id", issue.status.id).put("name", issue.status.name);
          s.putObject("statusCategory")
              .put("id", issue.status.categoryId)
              .put("key", issue.status.categoryKey)
              .put("name", issue.status.categoryName);
        }
        case "assignee" ->
            f.set("assignee", issue.assigneeId == null ? null : user(issue.assigneeId, v2));
        case "reporter" -> f.set("reporter", user(issue.reporterId, v2));
        case "project" ->
            f.putObject("project")
                .put("id", String.valueOf(10_000 + Math.abs(issue.project.key().hashCode() % 1000)))
                .put("key", issue.project.key())
                .put("name", issue.project.name())
                .put("projectTypeKey", issue.project.serviceDesk() ? "service_desk" : "software");
        case "created" -> f.put("created", time(issue.created));
        case "updated" -> f.put("updated", time(issue.updated));
        case "resolutiondate" ->
            f.put("resolutiondate", issue.resolved == null ? null : time(issue.resolved));
        case "labels" -> issue.labels.forEach(f.putArray("labels")::add);
        case "priority" -> f.putObject("priority").put("name", issue.priority);
        case "issuetype" -> f.putObject("issuetype").put("name", issue.issueType);
        case "comment" -> {
          List<ObjectNode> thread = allComments(issue, v2);
          ObjectNode c = f.putObject("comment");
          c.put("startAt", 0).put("maxResults", INLINE_COMMENTS).put("total", thread.size());
          ArrayNode list = c.putArray("comments");
          thread.stream().limit(INLINE_COMMENTS).forEach(list::add);
        }
        default -> {}
      }
    }
    if (fields.contains(SATISFACTION_FIELD) && issue.project.serviceDesk()) {
      // JSM's Satisfaction field (sd-request-feedback): the customer's 1-5 rating once given.
      if (issue.csatRating == null) f.putNull(SATISFACTION_FIELD);
      else f.putObject(SATISFACTION_FIELD).put("rating", issue.csatRating);
    }
    if (changelog) {
      ArrayNode histories = JSON.createArrayNode();
      issue.history.forEach(c -> histories.add(history(c, v2)));
      out.putObject("changelog")
          .put("startAt", 0)
          .put("maxResults", histories.size())
          .put("total", histories.size())
          .set("histories", histories);
    }
    return out;
  }

  private ObjectNode history(SimIssue.Change c, boolean v2) {
    ObjectNode h = JSON.createObjectNode().put("id", String.valueOf(c.id()));
    h.set("author", user(c.authorId(), v2));
    h.put("created", time(c.at()));
    ObjectNode item =
        h.putArray("items")
            .addObject()
            .put("field", c.field())
            .put("fieldtype", "jira")
            .put("fieldId", c.field())
            .put("from", c.from())
            .put("fromString", c.fromString())
            .put("to", c.to())
            .put("toString", c.toString());
    if (c.field().equals("assignee")) {
      item.put("fromString", name(c.from())).put("toString", name(c.to()));
    }
    return h;
  }

  private ObjectNode comment(
      long id,
      String authorId,
      Instant created,
      String text,
      Object adf,
      boolean jsdPublic,
      String visType,
      String visValue,
      boolean v2) {
    ObjectNode c = JSON.createObjectNode().put("id", String.valueOf(id));
    c.set("author", user(authorId, v2));
    if (v2) c.put("body", text);
    else c.set("body", adf != null ? (JsonNode) adf : paragraph(text));
    c.put("created", time(created)).put("updated", time(created)).put("jsdPublic", jsdPublic);
    if (visType != null) c.putObject("visibility").put("type", visType).put("value", visValue);
    return c;
  }

  private ObjectNode user(String id, boolean v2) {
    ObjectNode u = JSON.createObjectNode();
    if (id == null) return null;
    SimulatedJira.Agent agent = jira.agentsById.get(id);
    SimulatedJira.Customer customer = jira.customersById.get(id);
    String display =
        agent != null
            ? agent.displayName()
            : customer != null ? customer.displayName() : "QC Companion";
    String email = agent != null ? agent.email() : customer != null ? customer.email() : o.email();
    if (v2 && dc()) u.put("key", id).put("name", email.substring(0, email.indexOf('@')));
    else u.put("accountId", id).put("accountType", customer != null ? "customer" : "atlassian");
    return u.put("displayName", display).put("emailAddress", email).put("active", true);
  }

  private String name(String accountId) {
    if (accountId == null) return null;
    SimulatedJira.Agent agent = jira.agentsById.get(accountId);
    return agent == null ? accountId : agent.displayName();
  }

  private String time(Instant instant) {
    return TIME.format(instant.atZone(o.timeZone()));
  }

  static ObjectNode paragraph(String text) {
    ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
    ArrayNode content = doc.putArray("content");
    for (String line : text.split("\n")) {
      ObjectNode p = content.addObject().put("type", "paragraph");
      if (!line.isEmpty()) p.putArray("content").addObject().put("type", "text").put("text", line);
    }
    return doc;
  }

  /** A doc node with version 1 whose every node has a type, and text nodes carry text. */
  static boolean validAdf(JsonNode body) {
    return body.isObject()
        && "doc".equals(body.path("type").asText())
        && body.path("version").asInt() == 1
        && body.path("content").isArray()
        && validNodes(body.path("content"));
  }

  private static boolean validNodes(JsonNode nodes) {
    for (JsonNode n : nodes) {
      if (!n.path("type").isTextual()) return false;
      if (n.path("type").asText().equals("text") && n.path("text").asText().isEmpty()) return false;
      if (n.has("content") && !validNodes(n.path("content"))) return false;
    }
    return true;
  }

  static String adfText(JsonNode node) {
    StringBuilder out = new StringBuilder();
    appendText(node, out);
    return out.toString().strip();
  }

  private static void appendText(JsonNode node, StringBuilder out) {
    if (node.path("type").asText().equals("text")) out.append(node.path("text").asText());
    for (JsonNode child : node.path("content")) appendText(child, out);
    String type = node.path("type").asText();
    if (type.equals("paragraph") || type.equals("heading") || type.equals("listItem"))
      out.append('\n');
  }
}
