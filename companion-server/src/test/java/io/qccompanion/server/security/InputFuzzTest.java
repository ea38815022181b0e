package io.qccompanion.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over every JSON operation and every query parameter of the OpenAPI document, as an
 * administrator (who passes every role gate): no answer is a 5xx, every error is problem+json, a
 * 400 names its field, and nothing is stored by a refused request.
 */
class InputFuzzTest {
  private static final String HUGE = "x".repeat(20_000);
  private static final String FAR_DATE = "+999999999-12-31T23:59:59Z";
  private static final List<Object> VALUES =
      List.of(
          12, "12", 0.5, true, HUGE, FAR_DATE, Map.of("a", 1), List.of(1), -1e308, "", "x\u0000y");
  private static final List<String> QUERY_VALUES =
      List.of(
          "",
          HUGE.substring(0, 4_000),
          FAR_DATE.replace("+", "%2B"),
          "-1",
          "99999999999999999999",
          "2026-13-45",
          "x%00y",
          "%27%20OR%201%3D1--");
  private static final List<String> BROKEN_BODIES = List.of("{", "[]", "null", "\"x\"", "{}");

  static TestApp app;
  static Api admin;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    admin = app.as(Role.ADMIN);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void hostileInputNeverGives5xxAndIsNeverStored() {
    JsonNode doc = app.anonymous().get("/api/v1/openapi.json").json();
    // bodies documented only as "object": the field names the workflow routes read
    Set<String> common =
        Set.of(
            "agentId",
            "evaluationId",
            "ticketId",
            "criterionId",
            "teamId",
            "ownerId",
            "name",
            "text",
            "reason",
            "title",
            "goal",
            "topic",
            "status",
            "outcome",
            "explanation",
            "notes",
            "dueAt",
            "heldAt",
            "from",
            "to",
            "answers",
            "qcIds",
            "ticketIds",
            "target",
            "months",
            "dryRun");
    List<String> failures = new ArrayList<>();
    int requests = 0;
    int refused = 0;
    var operations = doc.get("paths").fields();
    while (operations.hasNext()) {
      var path = operations.next();
      String concrete = path.getKey().replaceAll("\\{[^}]+}", "fuzz-none");
      var verbs = path.getValue().fields();
      while (verbs.hasNext()) {
        var op = verbs.next();
        String method = op.getKey().toUpperCase(Locale.ROOT);
        List<String> query = new ArrayList<>();
        op.getValue()
            .path("parameters")
            .forEach(
                p -> {
                  if ("query".equals(p.path("in").asText())) query.add(p.get("name").asText());
                });
        for (String q : query)
          for (String v : QUERY_VALUES) {
            String url = concrete + "?" + q + "=" + v;
            String body = Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
            requests++;
            if (check(method, url, body, failures)) refused++;
          }
        if (!Set.of("POST", "PUT", "PATCH").contains(method)) continue;
        if (concrete.startsWith("/api/v1/auth/")) continue; // the login throttle has its own test
        Set<String> fields = new TreeSet<>(fieldsOf(doc, op.getValue()));
        if (fields.isEmpty()) fields.addAll(common);
        for (String b : BROKEN_BODIES) {
          requests++;
          if (check(method, concrete, b, failures)) refused++;
        }
        for (String f : fields)
          for (Object v : VALUES) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put(f, v);
            requests++;
            if (check(method, concrete, Json.write(body), failures)) refused++;
          }
      }
    }
    System.out.printf(
        "input fuzz: %d requests, %d refused with a problem, %d failures%n",
        requests, refused, failures.size());
    assertThat(failures).isEmpty();
  }

  // property names of the operation's documented JSON body
  private static List<String> fieldsOf(JsonNode doc, JsonNode op) {
    JsonNode schema = op.at("/requestBody/content/application~1json/schema");
    if (schema.has("$ref")) schema = doc.at(schema.get("$ref").asText().substring(1));
    List<String> names = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** True when refused with a 4xx; records any violation in {@code failures}. */
  private static boolean check(String method, String url, String body, List<String> failures) {
    long before = app.rows();
    var a = admin.send(method, url, body, Map.of());
    String what =
        method + " " + url.substring(0, Math.min(url.length(), 120)) + " " + shorten(body);
    if (a.status() >= 500) {
      failures.add(what + " → " + a.status() + " " + shorten(a.text()));
      return false;
    }
    if (a.status() < 400) return false;
    if (a.contentType() == null || !a.contentType().startsWith("application/problem+json"))
      failures.add(what + " → " + a.status() + " not problem+json: " + a.contentType());
    else if (a.status() == 400 && !a.json().hasNonNull("field"))
      failures.add(what + " → 400 without field: " + shorten(a.text()));
    long after = app.rows();
    if (after != before)
      failures.add(what + " → " + a.status() + " but stored " + (after - before) + " rows");
    return true;
  }

  private static String shorten(String s) {
    return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }
}
