package io.qccompanion.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.domain.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every string a client sends in the OpenAPI document: each string property of each JSON request
 * body (followed through {@code $ref}, {@code oneOf}, arrays and maps) and each string query or
 * path parameter, with its documented {@code maxLength}.
 */
public final class RequestStrings {
  /** The key used for map values ({@code *} in a pointer) when a request is built. */
  public static final String KEY = "k";

  private RequestStrings() {}

  /**
   * One string of one operation. {@code in} is {@code body}, {@code query} or {@code path}; {@code
   * name} is the parameter name or, in a body, a JSON pointer where {@code 0} stands for an array
   * element and {@code *} for a map value. {@code maxLength} is null when not given.
   */
  public record RequestString(
      String method, String path, String in, String name, Integer maxLength, boolean enumerated) {
    public String operation() {
      return method + " " + path;
    }

    /** Where a 400 about this string points: the parameter, or the body pointer with keys. */
    public String field() {
      return in.equals("body") ? name.replace("*", KEY) : name;
    }

    /** A request carrying {@code value} here and nothing else. */
    public Request request(String value) {
      String url = path;
      if (in.equals("path")) url = url.replace("{" + name + "}", value);
      url = url.replaceAll("\\{[^}]+}", "limits-none");
      if (in.equals("query")) url += "?" + name + "=" + value;
      if (!in.equals("body"))
        return new Request(url, Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null);
      Object body = value;
      String[] segments = name.substring(1).split("/");
      for (int i = segments.length - 1; i >= 0; i--)
        body =
            switch (segments[i]) {
              case "0" -> List.of(body);
              case "*" -> Map.of(KEY, body);
              default -> Map.of(segments[i], body);
            };
      return new Request(url, Json.write(body));
    }
  }

  /** A URL (path and query) and a JSON body (null: none). */
  public record Request(String url, String body) {}

  /** All strings of every operation of {@code doc} (the served document). */
  public static List<RequestString> of(JsonNode doc) {
    List<RequestString> all = new ArrayList<>();
    doc.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op -> {
                          String method = op.getKey().toUpperCase(Locale.ROOT);
                          for (JsonNode p : op.getValue().path("parameters")) {
                            JsonNode schema = p.path("schema");
                            if (isString(schema))
                              all.add(
                                  string(
                                      method,
                                      path.getKey(),
                                      p.path("in").asText(),
                                      p.path("name").asText(),
                                      schema));
                          }
                          JsonNode body =
                              op.getValue().at("/requestBody/content/application~1json/schema");
                          walk(
                              doc,
                              body,
                              "",
                              (pointer, schema) ->
                                  all.add(string(method, path.getKey(), "body", pointer, schema)));
                        }));
    return all;
  }

  private interface Found {
    void string(String pointer, JsonNode schema);
  }

  private static void walk(JsonNode doc, JsonNode schema, String pointer, Found found) {
    if (schema.has("$ref")) schema = doc.at(schema.get("$ref").asText().substring(1));
    for (JsonNode branch : schema.path("oneOf")) walk(doc, branch, pointer, found);
    if (isString(schema)) found.string(pointer, schema);
    var properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      var p = properties.next();
      walk(doc, p.getValue(), pointer + "/" + p.getKey(), found);
    }
    if (schema.has("items")) walk(doc, schema.get("items"), pointer + "/0", found);
    if (schema.path("additionalProperties").isObject())
      walk(doc, schema.get("additionalProperties"), pointer + "/*", found);
  }

  private static boolean isString(JsonNode schema) {
    JsonNode type = schema.path("type");
    if (type.isArray()) for (JsonNode t : type) if (t.asText().equals("string")) return true;
    return type.asText().equals("string");
  }

  private static RequestString string(
      String method, String path, String in, String name, JsonNode schema) {
    Integer max = schema.has("maxLength") ? schema.get("maxLength").asInt() : null;
    return new RequestString(method, path, in, name, max, schema.has("enum"));
  }
}
