package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What an issue's changelog says about its resolution: how often it was reopened (a status change
 * from a Done-category status to another category) and who was assignee at the last change into
 * Done.
 */
record IssueHistory(int reopenCount, String assigneeAtSolveId, Instant lastSolvedAt) {
  static final IssueHistory EMPTY = new IssueHistory(0, null, null);

  /**
   * @param histories changelog entries ({@code created}, {@code items[]}) in any order
   * @param doneStatusIds ids of statuses in the Done category
   * @param currentAssignee the issue's assignee now, used when the changelog never touched it
   */
  static IssueHistory from(
      List<JsonNode> histories, Set<String> doneStatusIds, String currentAssignee) {
    List<JsonNode> sorted = new ArrayList<>(histories);
    sorted.sort(Comparator.comparing((JsonNode h) -> JiraTime.parse(h.path("created").asText())));
    String assignee = null;
    boolean assigneeKnown = false;
    for (JsonNode h : sorted) {
      for (JsonNode item : h.path("items")) {
        if (isAssignee(item)) {
          assignee = textOrNull(item.get("from"));
          assigneeKnown = true;
          break;
        }
      }
      if (assigneeKnown) break;
    }
    if (!assigneeKnown) assignee = currentAssignee;
    int reopens = 0;
    String atSolve = null;
    Instant solvedAt = null;
    for (JsonNode h : sorted) {
      boolean toDone = false;
      for (JsonNode item : h.path("items")) {
        if (isAssignee(item)) {
          assignee = textOrNull(item.get("to"));
        } else if ("status".equals(item.path("fieldId").asText(item.path("field").asText()))) {
          boolean fromDone = doneStatusIds.contains(item.path("from").asText());
          boolean nowDone = doneStatusIds.contains(item.path("to").asText());
          if (fromDone && !nowDone) reopens++;
          if (!fromDone && nowDone) toDone = true;
        }
      }
      if (toDone) {
        atSolve = assignee;
        solvedAt = JiraTime.parse(h.path("created").asText());
      }
    }
    return new IssueHistory(reopens, atSolve, solvedAt);
  }

  private static boolean isAssignee(JsonNode item) {
    return "assignee".equals(item.path("fieldId").asText(item.path("field").asText()));
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
  }
}
