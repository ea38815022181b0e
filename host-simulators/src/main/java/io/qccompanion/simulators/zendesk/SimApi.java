package io.qccompanion.simulators.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.qccompanion.simulators.Faults;
import io.qccompanion.simulators.SimOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes the simulated Zendesk endpoints; every path also answers with a {@code .json} suffix. */
final class SimApi implements HttpHandler {
  private static final Pattern TICKET =
      Pattern.compile("/api/v2/tickets/(\\d+)(/comments|/tags|/metrics)?");

  /** An answer: status and JSON body. */
  record Answer(int status, String body, Map<String, String> headers) {
    Answer(int status, JsonNode body) {
      this(status, body.toString(), Map.of());
    }
  }

  private final SimStore store;
  private final SimJson json;
  private final Faults faults;
  private final SimOptions options;
  private final String baseUrl;
  private final AtomicLong requests = new AtomicLong();
  private static final int RATE_LIMIT = 700;
  private long minute;
  private int inMinute;

  SimApi(SimStore store, SimJson json, Faults faults, SimOptions options, String baseUrl) {
    this.store = store;
    this.json = json;
    this.faults = faults;
    this.options = options;
    this.baseUrl = baseUrl;
  }

  long requestCount() {
    return requests.get();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      try {
        answer(exchange);
      } catch (RuntimeException e) {
        send(exchange, 500, "{\"error\":\"InternalError\"}", Map.of());
      }
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    {
      byte[] requestBody = exchange.getRequestBody().readAllBytes();
      Answer answer = preflight(exchange);
      boolean write = !exchange.getRequestMethod().equals("GET");
      if (answer == null) answer = route(exchange, requestBody);
      sleep(faults.delay().toMillis());
      String method = exchange.getRequestMethod();
      if (write && answer.status() < 300 && faults.takeDropAfterApply(method)) {
        return; // applied; closing without an answer drops the connection
      }
      if (write && answer.status() < 300 && faults.takeServerErrorAfterApply(method)) {
        answer = new Answer(503, "{\"error\":\"ServiceUnavailable\"}", Map.of());
      }
      Map<String, String> headers = new HashMap<>(answer.headers());
      headers.put("X-Rate-Limit", Integer.toString(RATE_LIMIT));
      headers.put("X-Rate-Limit-Remaining", Integer.toString(remainingThisMinute()));
      answer = new Answer(answer.status(), answer.body(), headers);
      String body = answer.body();
      if (answer.status() == 200 && faults.takeMalformed())
        body = body.substring(0, body.length() / 2);
      send(exchange, answer.status(), body, answer.headers());
    }
  }

  /** Zendesk reports the account-wide budget (700/min on Enterprise) in every answer. */
  private synchronized int remainingThisMinute() {
    long now = System.currentTimeMillis() / 60_000;
    if (now != minute) {
      minute = now;
      inMinute = 0;
    }
    inMinute++;
    return Math.max(0, RATE_LIMIT - inMinute);
  }

  private Answer preflight(HttpExchange exchange) {
    if (faults.revoked() || !authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return new Answer(401, "{\"error\":\"Couldn't authenticate you\"}", Map.of());
    }
    if (faults.takeRateLimited()) {
      return new Answer(
          429,
          "{\"error\":\"TooManyRequests\",\"description\":\"Rate limit exceeded\"}",
          Map.of("Retry-After", Long.toString(faults.retryAfter().toSeconds())));
    }
    if (faults.takeServerError()) {
      return new Answer(503, "{\"error\":\"ServiceUnavailable\"}", Map.of());
    }
    return null;
  }

  private boolean authorized(String header) {
    if (header == null) return false;
    if (header.startsWith("Bearer ")) return header.substring(7).equals(options.apiToken());
    if (!header.startsWith("Basic ")) return false;
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return pair.equals(options.email() + "/token:" + options.apiToken());
  }

  private Answer route(HttpExchange exchange, byte[] body) throws IOException {
    String path = exchange.getRequestURI().getPath().replaceFirst("\\.json$", "");
    String method = exchange.getRequestMethod();
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    if (method.equals("GET") && path.equals("/api/v2/incremental/tickets/cursor")) {
      return new ExportPage(store, json, baseUrl).answer(query);
    }
    if (method.equals("GET") && path.equals("/api/v2/users/me")) {
      ObjectNode out = SimJson.MAPPER.createObjectNode();
      out.set("user", json.apiUser());
      return new Answer(200, out);
    }
    if (method.equals("GET") && path.equals("/api/v2/tickets")) {
      int perPage = Math.min(100, intParam(query, "per_page", 100));
      ObjectNode out = SimJson.MAPPER.createObjectNode();
      ArrayNode tickets = out.putArray("tickets");
      store.firstTickets(perPage).forEach(t -> tickets.add(json.ticket(t)));
      out.put("count", store.size());
      return new Answer(200, out);
    }
    Matcher m = TICKET.matcher(path);
    if (!m.matches()) return notFound("InvalidEndpoint");
    SimTicket ticket = store.ticket(Long.parseLong(m.group(1)));
    if (ticket == null) return notFound("RecordNotFound");
    String sub = m.group(2) == null ? "" : m.group(2);
    return switch (sub + " " + method) {
      case " GET" -> wrap("ticket", json.ticket(ticket));
      case " PUT" -> new TicketUpdate(store, json).apply(ticket, SimJson.MAPPER.readTree(body));
      case "/comments GET" -> comments(ticket, query);
      case "/tags GET", "/tags PUT", "/tags POST", "/tags DELETE" ->
          tags(ticket, method, body.length == 0 ? null : SimJson.MAPPER.readTree(body));
      case "/metrics GET" -> wrap("ticket_metric", json.metricSet(ticket));
      default -> notFound("InvalidEndpoint");
    };
  }

  private Answer comments(SimTicket ticket, Map<String, String> query) {
    List<Comment> all = store.comments(ticket);
    int perPage = Math.max(1, Math.min(100, intParam(query, "per_page", 100)));
    int page = Math.max(1, intParam(query, "page", 1));
    int from = Math.min(all.size(), (page - 1) * perPage);
    int to = Math.min(all.size(), from + perPage);
    ObjectNode out = SimJson.MAPPER.createObjectNode();
    ArrayNode comments = out.putArray("comments");
    Set<Long> authors = new LinkedHashSet<>();
    for (Comment c : all.subList(from, to)) {
      comments.add(json.comment(c));
      authors.add(c.authorId());
    }
    if ("users".equals(query.get("include"))) {
      ArrayNode users = out.putArray("users");
      Map<Long, Agent> agents = new HashMap<>();
      store.generator.agents.forEach(a -> agents.put(a.id(), a));
      for (long id : authors) {
        if (agents.containsKey(id)) users.add(json.agent(agents.get(id)));
        else if (id == SimStore.API_USER_ID) users.add(json.apiUser());
        else users.add(json.requester(id));
      }
    }
    if (to < all.size()) {
      String include = query.containsKey("include") ? "&include=" + query.get("include") : "";
      out.put(
          "next_page",
          baseUrl
              + "/api/v2/tickets/"
              + ticket.id
              + "/comments.json?page="
              + (page + 1)
              + "&per_page="
              + perPage
              + include);
    } else {
      out.putNull("next_page");
    }
    out.putNull("previous_page");
    out.put("count", all.size());
    return new Answer(200, out);
  }

  private Answer tags(SimTicket ticket, String method, JsonNode body) {
    Set<String> given = new LinkedHashSet<>();
    if (body != null) body.path("tags").forEach(t -> given.add(t.asText()));
    synchronized (store) {
      switch (method) {
        case "PUT" -> ticket.tags.addAll(given);
        case "POST" -> {
          ticket.tags.clear();
          ticket.tags.addAll(given);
        }
        case "DELETE" -> ticket.tags.removeAll(given);
        default -> {}
      }
      if (!method.equals("GET")) store.touch(ticket);
      ObjectNode out = SimJson.MAPPER.createObjectNode();
      ArrayNode tags = out.putArray("tags");
      ticket.tags.forEach(tags::add);
      return new Answer(method.equals("POST") ? 201 : 200, out);
    }
  }

  private static Answer wrap(String name, JsonNode value) {
    ObjectNode out = SimJson.MAPPER.createObjectNode();
    out.set(name, value);
    return new Answer(200, out);
  }

  private static Answer notFound(String error) {
    return new Answer(404, "{\"error\":\"" + error + "\",\"description\":\"Not found\"}", Map.of());
  }

  static int intParam(Map<String, String> query, String name, int fallback) {
    try {
      return query.containsKey(name) ? Integer.parseInt(query.get(name)) : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) return out;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(key, value);
    }
    return out;
  }

  private static void sleep(long millis) {
    if (millis <= 0) return;
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(
      HttpExchange exchange, int status, String body, Map<String, String> headers)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
