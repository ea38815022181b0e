package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Reads conversations in bulk with the Incremental Ticket Event Export ({@code GET
 * /api/v2/incremental/ticket_events?start_time=&include=comment_events}): up to 1000 events a
 * request, each comment carried as a {@code Comment} child event. Time-based: a page's {@code
 * end_time} starts the next, so events of that second may come twice (the server keys messages by
 * comment id).
 */
final class TicketEventExport {
  /** Pages read per call at most, so one sync page never turns into an unbounded loop. */
  private static final int MAX_PAGES = 200;

  private final ZendeskHttp http;

  TicketEventExport(ZendeskHttp http) {
    this.http = http;
  }

  /**
   * @param byTicket comments by ticket id, oldest first
   * @param next the start time of the following read
   * @param requests requests this read sent
   */
  record Result(Map<String, List<Message>> byTicket, long next, int requests) {}

  /**
   * Reads events from {@code startTime} until one past {@code until} (epoch seconds) or the end of
   * the stream.
   *
   * @param roles Zendesk role by user id, from the ticket export's side-loaded users
   */
  Result read(long startTime, long until, Map<String, String> roles) throws ConnectorException {
    Map<String, List<Message>> byTicket = new LinkedHashMap<>();
    long from = startTime;
    int requests = 0;
    while (requests < MAX_PAGES) {
      HttpUrl url =
          http.url("api", "v2", "incremental", "ticket_events")
              .addQueryParameter("start_time", Long.toString(from))
              .addQueryParameter("include", "comment_events")
              .build();
      JsonNode body = http.getExport(url);
      requests++;
      if (!body.path("ticket_events").isArray()) {
        throw ConnectorException.transientFailure(
            200, null, "Zendesk ticket event export answer has no ticket_events", null);
      }
      for (JsonNode event : body.path("ticket_events")) {
        String ticket = event.path("ticket_id").asText();
        for (JsonNode child : event.path("child_events")) {
          if (!"Comment".equals(child.path("event_type").asText())) continue;
          byTicket.computeIfAbsent(ticket, k -> new ArrayList<>()).add(message(child, roles));
        }
      }
      long end = body.path("end_time").asLong(from);
      boolean endOfStream = body.path("end_of_stream").asBoolean(true);
      if (endOfStream || end <= from || end > until) {
        // At the end of the stream the next read starts at the last event's second again.
        return new Result(byTicket, Math.max(from, end), requests);
      }
      from = end;
    }
    return new Result(byTicket, from, requests);
  }

  private static Message message(JsonNode c, Map<String, String> roles) {
    String author = c.path("author_id").asText(null);
    String role = roles.get(author);
    List<Message.Attachment> attachments = new ArrayList<>();
    c.path("attachments")
        .forEach(
            a ->
                attachments.add(
                    new Message.Attachment(
                        a.path("file_name").asText("attachment"),
                        a.path("size").isNumber() ? a.path("size").asLong() : null,
                        TicketMapper.textOrNull(a.path("content_url")))));
    return Message.builder()
        .id(c.path("id").asText(null))
        .authorId(author)
        .authorRole(role == null ? "system" : "end-user".equals(role) ? "customer" : "agent")
        .authorKind(
            role == null
                ? Message.AuthorKind.OTHER
                : "end-user".equals(role) ? Message.AuthorKind.CUSTOMER : Message.AuthorKind.AGENT)
        .publicMessage(c.path("public").asBoolean(true))
        .createdAt(TicketMapper.instantOrNull(c.path("created_at")))
        .body(c.path("plain_body").asText(c.path("body").asText("")))
        .html(TicketMapper.textOrNull(c.path("html_body")))
        .attachments(attachments)
        .build();
  }
}
