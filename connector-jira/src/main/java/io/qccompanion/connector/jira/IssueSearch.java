package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.ConnectorException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** One way of reading the next Done issues after a checkpoint, ordered by updated then id. */
interface IssueSearch {

  /**
   * @param issues issue versions not yet returned, in {@code updated, id} order
   * @param histories changelog entries by issue id when the search carried them (Data Center)
   * @param checkpoint the checkpoint to advance from (moved past empty windows)
   * @param done true when nothing more is there now
   */
  record Batch(
      List<JsonNode> issues,
      Map<String, List<JsonNode>> histories,
      JqlCheckpoint checkpoint,
      boolean done) {}

  Batch collect(JqlCheckpoint from, ZoneId zone, int pageHint, String baseJql)
      throws ConnectorException;
}
