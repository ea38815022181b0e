package io.qccompanion.simulators.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Applies {@code PUT /api/v2/tickets/{id}}: comment, tags ({@code tags}, {@code additional_tags},
 * {@code remove_tags}), custom fields and status. Closed tickets are read-only: 422, as Zendesk.
 */
final class TicketUpdate {
  private final SimStore store;
  private final SimJson json;

  TicketUpdate(SimStore store, SimJson json) {
    this.store = store;
    this.json = json;
  }

  SimApi.Answer apply(SimTicket ticket, JsonNode request) {
    JsonNode update = request.path("ticket");
    if (!update.isObject()) {
      return new SimApi.Answer(
          400, "{\"error\":\"InvalidValue\",\"description\":\"ticket is required\"}", Map.of());
    }
    synchronized (store) {
      if (ticket.closedForComments()) {
        return new SimApi.Answer(
            422,
            "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                + "\"details\":{\"status\":[{\"description\":\"Status: closed prevents ticket"
                + " update\"}]}}",
            Map.of());
      }
      ObjectNode audit = SimJson.MAPPER.createObjectNode();
      ArrayNode events = audit.putArray("events");
      JsonNode comment = update.path("comment");
      if (comment.isObject()) {
        String html = comment.path("html_body").asText(null);
        String body = comment.path("body").asText(null);
        if (html == null) html = "<p>" + DataGenerator.html(body == null ? "" : body) + "</p>";
        if (body == null) body = html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        Comment added =
            store.addComment(ticket, body, html, comment.path("public").asBoolean(true));
        events
            .addObject()
            .put("id", added.id())
            .put("type", "Comment")
            .put("body", added.body())
            .put("html_body", added.htmlBody())
            .put("public", added.publicComment())
            .put("author_id", added.authorId());
      }
      if (update.has("tags")) {
        ticket.tags.clear();
        update.path("tags").forEach(t -> ticket.tags.add(t.asText()));
      }
      update.path("additional_tags").forEach(t -> ticket.tags.add(t.asText()));
      update.path("remove_tags").forEach(t -> ticket.tags.remove(t.asText()));
      for (JsonNode field : update.path("custom_fields")) {
        ticket.customFields.put(field.path("id").asLong(), field.path("value").asText());
      }
      if (update.path("status").isTextual()) ticket.status = update.path("status").asText();
      store.touch(ticket);
      audit.put("id", 800_000_000_000L + ticket.id);
      audit.put("ticket_id", ticket.id);
      audit.put("author_id", SimStore.API_USER_ID);
      audit.put("created_at", ticket.updatedAt.toString());
      ObjectNode out = SimJson.MAPPER.createObjectNode();
      out.set("ticket", json.ticket(ticket));
      out.set("audit", audit);
      return new SimApi.Answer(200, out);
    }
  }
}
