package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.HostTeam;
import io.qccompanion.model.HostUser;
import io.qccompanion.model.Ticket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns search results (issue JSON with the fields we ask for) into tickets, users and teams. */
final class IssueMapper {
  private final String connectionId;
  private final String baseUrl;
  private final JiraOptions options;

  IssueMapper(String connectionId, String baseUrl, JiraOptions options) {
    this.connectionId = connectionId;
    this.baseUrl = baseUrl.replaceAll("/+$", "");
    this.options = options;
  }

  /** The explicit {@code fields} list every search asks for. */
  List<String> fields() {
    List<String> fields =
        new ArrayList<>(
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
                "issuetype"));
    if (options.teamField() != null) fields.add(options.teamField());
    if (options.channelField() != null) fields.add(options.channelField());
    return fields;
  }

  static Instant updated(JsonNode issue) {
    return JiraTime.parse(issue.path("fields").path("updated").asText());
  }

  Ticket ticket(JsonNode issue, IssueHistory history) {
    JsonNode f = issue.path("fields");
    String key = issue.path("key").asText();
    Instant created = JiraTime.parse(f.path("created").asText(null));
    Instant resolved = JiraTime.parse(f.path("resolutiondate").asText(null));
    if (resolved == null) resolved = history.lastSolvedAt();
    Long resolutionMinutes =
        created != null && resolved != null
            ? Duration.between(created, resolved).toMinutes()
            : null;
    List<String> tags = new ArrayList<>();
    f.path("labels").forEach(l -> tags.add(l.asText()));
    String assignee = userId(f.path("assignee"));
    Map<String, String> custom = new HashMap<>();
    custom.put("issueType", f.path("issuetype").path("name").asText(""));
    return Ticket.builder()
        .host(JiraConnectorProvider.HOST)
        .connectionId(connectionId)
        .externalId(issue.path("id").asText())
        .key(key)
        .subject(f.path("summary").asText(null))
        .status(f.path("status").path("name").asText(null))
        .channel(channel(f))
        .requesterId(userId(f.path("reporter")))
        .assigneeId(assignee)
        .assigneeAtSolveId(
            history.assigneeAtSolveId() != null ? history.assigneeAtSolveId() : assignee)
        .teamId(teamId(f))
        .tags(tags)
        .priority(f.path("priority").path("name").asText(null))
        .createdAt(created)
        .updatedAt(updated(issue))
        .solvedAt(resolved)
        .reopenCount(history.reopenCount())
        .resolutionMinutes(resolutionMinutes)
        .customFields(custom)
        .url(baseUrl + "/browse/" + key)
        .build();
  }

  /** Assignees of the issues, side-loaded from the search result itself. */
  List<HostUser> users(List<JsonNode> issues) {
    Map<String, HostUser> users = new LinkedHashMap<>();
    for (JsonNode issue : issues) {
      JsonNode a = issue.path("fields").path("assignee");
      String id = userId(a);
      if (id != null) {
        users.putIfAbsent(
            id,
            HostUser.builder()
                .id(id)
                .name(a.path("displayName").asText(null))
                .email(a.path("emailAddress").asText(null))
                .role("agent")
                .build());
      }
    }
    return List.copyOf(users.values());
  }

  /** Projects (or team field values) of the issues, from the search result itself. */
  List<HostTeam> teams(List<JsonNode> issues) {
    Map<String, HostTeam> teams = new LinkedHashMap<>();
    for (JsonNode issue : issues) {
      JsonNode f = issue.path("fields");
      String id = teamId(f);
      if (id == null) continue;
      String name =
          options.teamField() != null
              ? label(f.path(options.teamField()))
              : f.path("project").path("name").asText(id);
      teams.putIfAbsent(id, HostTeam.builder().id(id).name(name).build());
    }
    return List.copyOf(teams.values());
  }

  private String teamId(JsonNode f) {
    if (options.teamField() != null) {
      JsonNode team = f.path(options.teamField());
      if (team.isMissingNode() || team.isNull()) return null;
      return team.has("id") ? team.path("id").asText() : label(team);
    }
    JsonNode project = f.path("project");
    return project.isMissingNode() ? null : project.path("key").asText(null);
  }

  private String channel(JsonNode f) {
    if (options.channelField() != null) {
      JsonNode c = f.path(options.channelField());
      if (!c.isMissingNode() && !c.isNull()) return label(c);
    }
    return f.path("issuetype").path("name").asText(null);
  }

  private static String label(JsonNode node) {
    if (node.isTextual()) return node.asText();
    if (node.has("value")) return node.path("value").asText();
    if (node.has("name")) return node.path("name").asText();
    if (node.has("requestType")) return node.path("requestType").path("name").asText();
    return node.toString();
  }

  /** Cloud identifies users by accountId, Data Center by user key (name on old versions). */
  static String userId(JsonNode user) {
    if (user == null || user.isMissingNode() || user.isNull()) return null;
    if (user.hasNonNull("accountId")) return user.path("accountId").asText();
    if (user.hasNonNull("key")) return user.path("key").asText();
    return user.path("name").asText(null);
  }
}
