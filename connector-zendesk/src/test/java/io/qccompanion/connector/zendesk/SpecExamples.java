package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Response bodies taken from the examples of the official spec, so stubs answer like Zendesk. */
final class SpecExamples {
  private static final JsonNode EXAMPLES = load();

  private SpecExamples() {}

  private static JsonNode load() {
    try (InputStream in = SpecExamples.class.getResourceAsStream("/zendesk-support.yaml")) {
      return new YAMLMapper().readTree(in).path("components").path("examples");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh, mutable copy of {@code components.examples.<name>.value}. */
  static ObjectNode example(String name) {
    JsonNode value = EXAMPLES.path(name).path("value");
    if (!value.isObject()) throw new IllegalArgumentException("no example " + name);
    return (ObjectNode) value.deepCopy();
  }
}
