package io.qccompanion.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qccompanion.server.domain.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The OpenAPI 3.1 document at {@code /api/v1/openapi.json}, assembled from one fragment per feature
 * ({@code openapi/<feature>.json}, each with {@code paths} and {@code components.schemas}) so each
 * feature documents its own routes. A test checks it against the registered routes.
 */
final class OpenApiDocument {
  /** Feature fragments, in document order. Add a feature's name here with its routes. */
  public static final List<String> FRAGMENTS =
      List.of(
          "core",
          "connections",
          "scorecards",
          "evaluations",
          "sampling",
          "workflows",
          "summaries",
          "security",
          "autoqa",
          "grading");

  private final ObjectNode root;
  private final String json;

  public OpenApiDocument(String version) {
    ObjectNode root = load("openapi/base.json");
    ((ObjectNode) root.path("info")).put("version", version);
    ObjectNode paths = root.putObject("paths");
    ObjectNode schemas = root.withObject("/components").withObject("/schemas");
    for (String name : FRAGMENTS) {
      String resource = "openapi/" + name + ".json";
      if (getClass().getClassLoader().getResource(resource) == null) continue;
      JsonNode fragment = load(resource);
      // a path may have operations in several fragments: merge them
      fragment
          .path("paths")
          .fields()
          .forEachRemaining(
              e ->
                  paths
                      .withObject("/" + e.getKey().replace("~", "~0").replace("/", "~1"))
                      .setAll((ObjectNode) e.getValue()));
      fragment
          .path("components")
          .path("schemas")
          .fields()
          .forEachRemaining(e -> schemas.set(e.getKey(), e.getValue()));
    }
    this.root = root;
    this.json = Json.write(root);
  }

  public String json() {
    return json;
  }

  /** The document as a tree; callers only read it. */
  JsonNode tree() {
    return root;
  }

  private ObjectNode load(String resource) {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      return (ObjectNode) Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
