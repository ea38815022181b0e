package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.Csat;
import io.qccompanion.model.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns an exported Zendesk ticket plus its side-loaded metric set into a {@link Ticket}. */
final class TicketMapper {
  private final String connectionId;
  private final String agentUrlBase;
  private final String handleTimeField;

  TicketMapper(String connectionId, String baseUrl, String handleTimeField) {
    this.connectionId = connectionId;
    this.agentUrlBase = baseUrl.replaceAll("/+$", "") + "/agent/tickets/";
    this.handleTimeField = handleTimeField;
  }

  Ticket map(JsonNode ticket, JsonNode metrics) {
    String id = ticket.path("id").asText();
    Map<String, String> customFields = customFields(ticket.path("custom_fields"));
    // The export carries no assignee history; the solve-time assignee is the current one unless
    // the ticket was reassigned after solving, which Zendesk only allows before it closes.
    String assignee = idOrNull(ticket.path("assignee_id"));
    return Ticket.builder()
        .host(ZendeskConnectorProvider.HOST)
        .connectionId(connectionId)
        .externalId(id)
        .key("#" + id)
        .subject(textOrNull(ticket.path("subject")))
        .status(textOrNull(ticket.path("status")))
        .channel(textOrNull(ticket.path("via").path("channel")))
        .requesterId(idOrNull(ticket.path("requester_id")))
        .assigneeId(assignee)
        .assigneeAtSolveId(assignee)
        .teamId(idOrNull(ticket.path("group_id")))
        .tags(strings(ticket.path("tags")))
        .priority(textOrNull(ticket.path("priority")))
        .createdAt(instantOrNull(ticket.path("created_at")))
        .updatedAt(Instant.parse(ticket.path("updated_at").asText()))
        .solvedAt(instantOrNull(metrics.path("solved_at")))
        .reopenCount(metrics.path("reopens").asInt(0))
        .replyCount(metrics.path("replies").asInt(0))
        .handleTimeSeconds(handleTime(customFields))
        .firstReplyMinutes(minutes(metrics.path("reply_time_in_minutes")))
        .resolutionMinutes(minutes(metrics.path("full_resolution_time_in_minutes")))
        .csat(csat(ticket.path("satisfaction_rating")))
        .customFields(customFields)
        .url(agentUrlBase + id)
        .build();
  }

  private Long handleTime(Map<String, String> customFields) {
    if (handleTimeField == null) return null;
    String value = customFields.get(handleTimeField);
    if (value == null || value.isBlank()) return null;
    try {
      return Math.round(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Csat csat(JsonNode rating) {
    String score = rating.path("score").asText("");
    String comment = textOrNull(rating.path("comment"));
    return switch (score) {
      case "good" -> new Csat(Csat.Rating.GOOD, null, comment);
      case "bad" -> new Csat(Csat.Rating.BAD, null, comment);
      default -> Csat.NONE;
    };
  }

  private static Long minutes(JsonNode metric) {
    JsonNode calendar = metric.path("calendar");
    return calendar.isNumber() ? calendar.asLong() : null;
  }

  private static Map<String, String> customFields(JsonNode fields) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode field : fields) {
      JsonNode value = field.path("value");
      if (value.isNull() || value.isMissingNode()) continue;
      out.put(field.path("id").asText(), value.isValueNode() ? value.asText() : value.toString());
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(node -> out.add(node.asText()));
    return out;
  }

  static String idOrNull(JsonNode node) {
    return node.isNumber() || node.isTextual() ? node.asText() : null;
  }

  static String textOrNull(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }

  static Instant instantOrNull(JsonNode node) {
    return node.isTextual() ? Instant.parse(node.asText()) : null;
  }
}
