package io.qccompanion.simulators.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.qccompanion.simulators.Faults;
import io.qccompanion.simulators.SimOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routing, authentication and fault injection of {@link SimulatedJira}; the answers themselves are
 * built by {@link SimResources}.
 */
final class SimApi implements HttpHandler {
  private static final Pattern ISSUE =
      Pattern.compile("/rest/api/(2|3)/issue/([A-Z0-9-]+)(/comment|/properties/([\\w.-]+))?");
  private static final Pattern REQUEST =
      Pattern.compile("/rest/servicedeskapi/request/([A-Z0-9-]+)/(comment|feedback)");

  /** An answer: status and JSON (or null for no body). */
  record Reply(int status, Object body) {
    static Reply ok(Object body) {
      return new Reply(200, body);
    }

    static Reply error(int status, String message) {
      ObjectNode node = SimResources.JSON.createObjectNode();
      node.putArray("errorMessages").add(message);
      node.putObject("errors");
      return new Reply(status, node);
    }
  }

  private final SimulatedJira jira;
  private final SimResources resources;
  private final ObjectMapper json = SimResources.JSON;

  SimApi(SimulatedJira jira) {
    this.jira = jira;
    this.resources = new SimResources(jira);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      jira.requests.incrementAndGet();
      Faults faults = jira.faults;
      long delay = faults.delay().toMillis();
      if (delay > 0) sleep(delay);
      byte[] requestBody = exchange.getRequestBody().readAllBytes();
      if (faults.takeRateLimited()) {
        exchange
            .getResponseHeaders()
            .set("Retry-After", String.valueOf(faults.retryAfter().toSeconds()));
        exchange.getResponseHeaders().set("RateLimit-Reason", faults.rateLimitReason());
        send(exchange, Reply.error(429, "Rate limit exceeded."), false);
        return;
      }
      if (faults.takeServerError()) {
        send(exchange, Reply.error(503, "Service unavailable"), false);
        return;
      }
      if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
        send(
            exchange,
            Reply.error(401, "Client must be authenticated to access this resource."),
            false);
        return;
      }
      Reply reply;
      try {
        synchronized (jira) {
          reply = route(exchange, requestBody);
        }
      } catch (IllegalArgumentException e) {
        reply = Reply.error(400, e.getMessage());
      }
      String method = exchange.getRequestMethod();
      boolean applied = reply.status() < 300;
      boolean drop = applied && faults.takeDropAfterApply(method);
      if (drop) {
        // Applied, but the answer never arrives: announce a body and close early.
        exchange.sendResponseHeaders(200, 1000);
        exchange.getResponseBody().write('{');
        exchange.getResponseBody().flush();
        return;
      }
      if (applied && faults.takeServerErrorAfterApply(method))
        reply = Reply.error(503, "Service unavailable");
      boolean malformed = reply.status() < 300 && reply.body() != null && faults.takeMalformed();
      send(exchange, reply, malformed);
    } catch (IOException e) {
      // The client went away or the answer was cut on purpose.
    }
  }

  private Reply route(HttpExchange exchange, byte[] body) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    JsonNode in = body.length == 0 ? null : json.readTree(body);
    boolean v2 = path.startsWith("/rest/api/2/");
    switch (method + " " + path) {
      case "GET /rest/api/3/myself", "GET /rest/api/2/myself" -> {
        return Reply.ok(resources.myself(v2));
      }
      case "GET /rest/api/3/mypermissions", "GET /rest/api/2/mypermissions" -> {
        return Reply.ok(resources.permissions(query.get("permissions")));
      }
      case "GET /rest/api/3/status", "GET /rest/api/2/status" -> {
        return Reply.ok(resources.statuses());
      }
      case "POST /rest/api/3/search/jql" -> {
        return resources.searchJql(in);
      }
      case "POST /rest/api/3/changelog/bulkfetch" -> {
        return resources.bulkChangelog(in);
      }
      case "GET /rest/api/2/search" -> {
        return resources.searchV2(query);
      }
      default -> {}
    }
    Matcher issue = ISSUE.matcher(path);
    if (issue.matches()) {
      SimIssue target = jira.issuesByRef.get(issue.group(2));
      if (target == null)
        return Reply.error(404, "Issue does not exist or you do not have permission to see it.");
      if (issue.group(3) == null && method.equals("PUT")) return resources.editIssue(target, in);
      if ("/comment".equals(issue.group(3))) {
        if (method.equals("GET")) return resources.comments(target, query, v2);
        if (method.equals("POST")) return resources.addComment(target, in, v2);
      }
      if (issue.group(4) != null) {
        if (method.equals("GET")) return resources.property(target, issue.group(4));
        if (method.equals("PUT")) return resources.setProperty(target, issue.group(4), in);
      }
    }
    Matcher request = REQUEST.matcher(path);
    if (request.matches()) {
      SimIssue target = jira.issuesByRef.get(request.group(1));
      if (target == null || !target.project.serviceDesk()) {
        return Reply.error(404, "The request could not be found.");
      }
      if (request.group(2).equals("feedback") && method.equals("GET"))
        return resources.feedback(target);
      if (request.group(2).equals("comment") && method.equals("POST"))
        return resources.addRequestComment(target, in);
    }
    return Reply.error(404, "No route for " + method + " " + path);
  }

  private boolean authorized(String header) {
    if (jira.faults.revoked() || header == null) return false;
    SimOptions o = jira.options;
    if (header.startsWith("Basic ")) {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      return decoded.equals(o.email() + ":" + o.apiToken());
    }
    return header.equals("Bearer " + o.pat());
  }

  private void send(HttpExchange exchange, Reply reply, boolean malformed) throws IOException {
    if (reply.body() == null) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    byte[] bytes = json.writeValueAsBytes(reply.body());
    if (malformed) bytes = java.util.Arrays.copyOf(bytes, Math.max(1, bytes.length / 2));
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null) return params;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k =
          java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v =
          eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(k, v);
    }
    return params;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static ArrayNode array() {
    return SimResources.JSON.createArrayNode();
  }
}
