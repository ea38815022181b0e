package io.qccompanion.simulators.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Answers {@code GET /api/v2/incremental/ticket_events?start_time=} (time-based, up to 1000 events
 * a page): one audit event per comment, whose {@code child_events} carry the comment itself when
 * {@code include=comment_events}, else only {@code comment_present}/{@code comment_public}. Like
 * Zendesk, {@code end_time} is the last event's second, so the next page may repeat events of that
 * second.
 */
final class TicketEventsPage {
  static final int LIMIT = 1000;

  private final SimStore store;
  private final SimJson json;
  private final String baseUrl;

  TicketEventsPage(SimStore store, SimJson json, String baseUrl) {
    this.store = store;
    this.json = json;
    this.baseUrl = baseUrl;
  }

  SimApi.Answer answer(Map<String, String> query) {
    long start;
    try {
      start = Long.parseLong(query.getOrDefault("start_time", ""));
    } catch (NumberFormatException e) {
      return new SimApi.Answer(
          400, "{\"error\":\"InvalidValue\",\"description\":\"start_time is required\"}", Map.of());
    }
    boolean comments = query.getOrDefault("include", "").contains("comment_events");
    List<SimStore.CommentEvent> events = store.commentEventsFrom(start, LIMIT);
    ObjectNode out = SimJson.MAPPER.createObjectNode();
    ArrayNode list = out.putArray("ticket_events");
    long end = start;
    for (SimStore.CommentEvent e : events) {
      Comment c = e.comment();
      end = c.createdAt().getEpochSecond();
      ObjectNode event = list.addObject();
      event.put("id", c.id() + 1);
      event.put("ticket_id", e.ticketId());
      event.put("timestamp", end);
      event.put("created_at", c.createdAt().toString());
      event.put("updater_id", c.authorId());
      event.put("event_type", "Audit");
      event.putObject("via").put("channel", "web");
      ArrayNode children = event.putArray("child_events");
      ObjectNode child = comments ? json.comment(c) : SimJson.MAPPER.createObjectNode();
      if (!comments) {
        child.put("id", c.id());
        child.put("comment_present", true);
        child.put("comment_public", c.publicComment());
      }
      child.put("event_type", "Comment");
      children.add(child);
    }
    boolean endOfStream = events.size() < LIMIT;
    out.put("count", events.size());
    out.put("end_of_stream", endOfStream);
    out.put("end_time", end);
    out.put(
        "next_page",
        baseUrl
            + "/api/v2/incremental/ticket_events.json?start_time="
            + end
            + (comments ? "&include=comment_events" : ""));
    return new SimApi.Answer(200, out);
  }
}
