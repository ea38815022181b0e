package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.Checkpoint;

/**
 * What {@link Checkpoint#value()} holds for Zendesk: the ticket export's {@code after_cursor} and
 * the {@code start_time} it began from, and where the ticket event export (conversations)
 * continues, as JSON {@code {"cursor":..,"startTime":..,"eventsTime":..}}.
 *
 * @param cursor the cursor to continue from, or null before the first page
 * @param startTime epoch seconds the first request used
 * @param eventsTime epoch seconds the next ticket event read starts at; null before the first
 *     (checkpoints written before conversations were read have none)
 */
record ExportCheckpoint(String cursor, long startTime, Long eventsTime) {

  static ExportCheckpoint parse(Checkpoint checkpoint) {
    try {
      JsonNode node = ZendeskHttp.JSON.readTree(checkpoint.value());
      JsonNode cursor = node.path("cursor");
      JsonNode events = node.path("eventsTime");
      return new ExportCheckpoint(
          cursor.isTextual() ? cursor.asText() : null,
          node.path("startTime").asLong(),
          events.isNumber() ? events.asLong() : null);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a Zendesk checkpoint: " + checkpoint.value(), e);
    }
  }

  Checkpoint toCheckpoint() {
    var node = ZendeskHttp.JSON.createObjectNode();
    node.put("cursor", cursor);
    node.put("startTime", startTime);
    if (eventsTime != null) node.put("eventsTime", eventsTime);
    return new Checkpoint(node.toString());
  }
}
