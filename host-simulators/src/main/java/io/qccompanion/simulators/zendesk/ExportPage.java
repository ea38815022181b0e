package io.qccompanion.simulators.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Answers {@code GET /api/v2/incremental/tickets/cursor}: {@code start_time} or {@code cursor},
 * {@code per_page} up to 1000, side-loads from {@code include} ({@code metric_sets}, {@code users},
 * {@code groups}).
 */
final class ExportPage {
  private final SimStore store;
  private final SimJson json;
  private final String baseUrl;

  ExportPage(SimStore store, SimJson json, String baseUrl) {
    this.store = store;
    this.json = json;
    this.baseUrl = baseUrl;
  }

  SimApi.Answer answer(Map<String, String> query) {
    int perPage = Math.max(1, Math.min(1000, SimApi.intParam(query, "per_page", 1000)));
    Set<String> include =
        new HashSet<>(Arrays.asList(query.getOrDefault("include", "").split(",")));
    SimStore.Slice slice;
    String cursor = query.get("cursor");
    SimStore.Key fallback;
    if (cursor != null) {
      try {
        fallback = SimStore.Key.decode(cursor);
      } catch (RuntimeException e) {
        return new SimApi.Answer(
            422, "{\"error\":\"InvalidCursor\",\"description\":\"cursor is invalid\"}", Map.of());
      }
      slice = store.exportAfter(fallback, perPage);
    } else if (query.containsKey("start_time")) {
      long start;
      try {
        start = Long.parseLong(query.get("start_time"));
      } catch (NumberFormatException e) {
        return new SimApi.Answer(
            400, "{\"error\":\"InvalidValue\",\"description\":\"start_time\"}", Map.of());
      }
      fallback = new SimStore.Key(start, Long.MIN_VALUE);
      slice = store.exportFrom(start, perPage);
    } else {
      return new SimApi.Answer(
          400, "{\"error\":\"InvalidValue\",\"description\":\"start_time is required\"}", Map.of());
    }
    ObjectNode out = SimJson.MAPPER.createObjectNode();
    ArrayNode tickets = out.putArray("tickets");
    ArrayNode metrics = include.contains("metric_sets") ? out.putArray("metric_sets") : null;
    Set<Long> users = new LinkedHashSet<>();
    Set<Long> groups = new LinkedHashSet<>();
    synchronized (store) {
      for (SimTicket t : slice.tickets()) {
        tickets.add(json.ticket(t));
        if (metrics != null) metrics.add(json.metricSet(t));
        if (t.assigneeId != null) users.add(t.assigneeId);
        users.add(t.requesterId);
        groups.add(t.groupId);
      }
    }
    if (include.contains("users")) {
      ArrayNode array = out.putArray("users");
      for (Agent a : store.generator.agents) if (users.remove(a.id())) array.add(json.agent(a));
      users.forEach(id -> array.add(json.requester(id)));
    }
    if (include.contains("groups")) {
      ArrayNode array = out.putArray("groups");
      for (Group g : store.generator.groups) if (groups.contains(g.id())) array.add(json.group(g));
    }
    String after = (slice.last() != null ? slice.last() : fallback).encode();
    out.put("after_cursor", after);
    out.put("after_url", baseUrl + "/api/v2/incremental/tickets/cursor.json?cursor=" + after);
    out.putNull("before_cursor");
    out.putNull("before_url");
    out.put("end_of_stream", slice.endOfStream());
    return new SimApi.Answer(200, out);
  }
}
