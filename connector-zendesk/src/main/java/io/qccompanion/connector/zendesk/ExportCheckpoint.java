package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.Checkpoint;

/**
 * What {@link Checkpoint#value()} holds for Zendesk: the export's {@code after_cursor} and the
 * {@code start_time} the export began from, as JSON {@code {"cursor":..,"startTime":..}}.
 *
 * @param cursor the cursor to continue from, or null before the first page
 * @param startTime epoch seconds the first request used
 */
record ExportCheckpoint(String cursor, long startTime) {

  static ExportCheckpoint parse(Checkpoint checkpoint) {
    try {
      JsonNode node = ZendeskHttp.JSON.readTree(checkpoint.value());
      JsonNode cursor = node.path("cursor");
      return new ExportCheckpoint(
          cursor.isTextual() ? cursor.asText() : null, node.path("startTime").asLong());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a Zendesk checkpoint: " + checkpoint.value(), e);
    }
  }

  Checkpoint toCheckpoint() {
    var node = ZendeskHttp.JSON.createObjectNode();
    node.put("cursor", cursor);
    node.put("startTime", startTime);
    return new Checkpoint(node.toString());
  }
}
