package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Atlassian Document Format, the only body v3 comments accept: plain text out of it, and a small
 * builder for the notes we write.
 */
final class Adf {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ObjectNode doc = F.objectNode();
  private final ArrayNode content;

  Adf() {
    doc.put("type", "doc").put("version", 1);
    content = doc.putArray("content");
  }

  /** Plain text of an ADF node (or a plain string, as Data Center and JSM send). */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return "";
    if (node.isTextual()) return node.asText();
    StringBuilder out = new StringBuilder();
    append(node, out);
    return out.toString().strip();
  }

  private static void append(JsonNode node, StringBuilder out) {
    String type = node.path("type").asText();
    switch (type) {
      case "text" -> out.append(node.path("text").asText());
      case "hardBreak" -> out.append('\n');
      case "mention" -> out.append(node.path("attrs").path("text").asText());
      case "inlineCard" -> out.append(node.path("attrs").path("url").asText());
      default -> {
        for (JsonNode child : node.path("content")) append(child, out);
        if (type.equals("paragraph") || type.equals("heading") || type.equals("listItem")) {
          out.append('\n');
        }
      }
    }
  }

  Adf heading(String text) {
    ObjectNode h = content.addObject().put("type", "heading");
    h.putObject("attrs").put("level", 3);
    h.putArray("content").add(text(text, false));
    return this;
  }

  Adf paragraph(String label, String text) {
    ObjectNode p = content.addObject().put("type", "paragraph");
    ArrayNode c = p.putArray("content");
    if (label != null) c.add(text(label + ": ", true));
    c.add(text(text, false));
    return this;
  }

  Adf link(String label, String url) {
    ObjectNode p = content.addObject().put("type", "paragraph");
    ObjectNode t = text(label, false);
    t.putArray("marks").addObject().put("type", "link").putObject("attrs").put("href", url);
    p.putArray("content").add(t);
    return this;
  }

  Adf bullets(Iterable<String> items) {
    ObjectNode list = content.addObject().put("type", "bulletList");
    ArrayNode li = list.putArray("content");
    for (String item : items) {
      ObjectNode p = F.objectNode().put("type", "paragraph");
      p.putArray("content").add(text(item, false));
      li.addObject().put("type", "listItem").putArray("content").add(p);
    }
    return this;
  }

  ObjectNode build() {
    return doc;
  }

  private static ObjectNode text(String text, boolean strong) {
    ObjectNode t = F.objectNode().put("type", "text").put("text", text.isEmpty() ? " " : text);
    if (strong) t.putArray("marks").addObject().put("type", "strong");
    return t;
  }
}
