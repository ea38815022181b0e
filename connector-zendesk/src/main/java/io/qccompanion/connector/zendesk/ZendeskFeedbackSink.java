package io.qccompanion.connector.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qccompanion.connector.http.Sleeper;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.HtmlText;
import io.qccompanion.model.WriteResult;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a QC result as one internal note ({@code PUT /api/v2/tickets/{id}} with {@code comment
 * {html_body, public:false}}), plus optional custom fields and tags, in the same request: one
 * atomic step, one request per evaluation when nothing goes wrong.
 *
 * <p>Exactly once: the PUT is never resent blind. After an unknown outcome (5xx, timeout, dropped
 * connection) {@link #writeStep} reads the ticket's comments for the note's marker first; when the
 * note is there it writes only the tags and fields (idempotent). {@link #publish}, for callers that
 * do not track outcomes, always looks first.
 */
public final class ZendeskFeedbackSink implements FeedbackSink {
  static final String CLOSED_DETAIL = "ticket is closed; note kept on the companion";

  private final ZendeskOptions options;
  private final ZendeskHttp http;

  ZendeskFeedbackSink(
      ConnectionSettings settings, Clock clock, Sleeper sleeper, ZendeskHttp.Factory http) {
    this.options = ZendeskOptions.of(settings);
    this.http = http.open(settings, options, clock, sleeper);
  }

  @Override
  public WriteResult publish(FeedbackNote note) throws ConnectorException {
    return writeStep(PUBLISH, note, true, Map.of());
  }

  @Override
  public WriteResult writeStep(
      String step, FeedbackNote note, boolean afterUnknownOutcome, Map<String, WriteResult> done)
      throws ConnectorException {
    if (afterUnknownOutcome) {
      Optional<WriteResult> existing = find(note);
      if (existing.isPresent()) {
        completeFieldsAndTags(note);
        return existing.get();
      }
    }
    return write(note);
  }

  /** The note is on the ticket; make sure its tags and fields are too (idempotent). */
  private void completeFieldsAndTags(FeedbackNote note) throws ConnectorException {
    try {
      http.put(ticketUrl(note), wrap("ticket", fieldsAndTags(note)), true);
    } catch (ConnectorException e) {
      if (!refusedBecauseClosed(e)) throw e;
    }
  }

  private WriteResult write(FeedbackNote note) throws ConnectorException {
    ObjectNode ticket = fieldsAndTags(note);
    ObjectNode comment = ticket.putObject("comment");
    comment.put("html_body", NoteHtml.render(note));
    comment.put("public", false);
    try {
      JsonNode answer = http.put(ticketUrl(note), wrap("ticket", ticket), false);
      return new WriteResult(WriteResult.Outcome.WRITTEN, commentId(answer), "internal note added");
    } catch (ConnectorException e) {
      if (!refusedBecauseClosed(e)) throw e;
      return fallBack(note);
    }
  }

  /** Closed tickets are read-only in Zendesk; the tags endpoint is the last thing worth trying. */
  private WriteResult fallBack(FeedbackNote note) throws ConnectorException {
    ObjectNode body = ZendeskHttp.JSON.createObjectNode();
    body.set("tags", tags(note));
    try {
      http.put(
          http.url("api", "v2", "tickets", note.ticketExternalId(), "tags").build(), body, true);
      return new WriteResult(WriteResult.Outcome.FELL_BACK, null, CLOSED_DETAIL);
    } catch (ConnectorException e) {
      if (e.status() != 422) throw e;
      return new WriteResult(
          WriteResult.Outcome.FELL_BACK, null, CLOSED_DETAIL + " (Zendesk refused the tags too)");
    }
  }

  private static boolean refusedBecauseClosed(ConnectorException e) {
    return e.status() == 422
        && e.getMessage() != null
        && e.getMessage().toLowerCase(Locale.ROOT).contains("closed");
  }

  @Override
  public Optional<WriteResult> find(FeedbackNote note) throws ConnectorException {
    String marker = NoteHtml.marker(note);
    AtomicReference<String> found = new AtomicReference<>();
    new ConversationReader(http)
        .forEachComment(
            note.ticketExternalId(),
            page -> {},
            comment -> {
              if (found.get() == null
                  && (comment.path("html_body").asText("").contains(HtmlText.escape(marker))
                      || comment.path("body").asText("").contains(marker)
                      || comment.path("plain_body").asText("").contains(marker))) {
                found.set(comment.path("id").asText());
              }
            });
    return Optional.ofNullable(found.get())
        .map(
            id ->
                new WriteResult(WriteResult.Outcome.ALREADY_PRESENT, id, "note already on ticket"));
  }

  private ObjectNode fieldsAndTags(FeedbackNote note) {
    ObjectNode ticket = ZendeskHttp.JSON.createObjectNode();
    ArrayNode fields = ZendeskHttp.JSON.createArrayNode();
    if (options.scoreField() != null && note.scorePercent() != null) {
      fields
          .addObject()
          .put("id", Long.parseLong(options.scoreField()))
          .put("value", note.scorePercent());
    }
    if (options.statusField() != null) {
      fields
          .addObject()
          .put("id", Long.parseLong(options.statusField()))
          .put("value", note.passed() ? "qc_pass" : "qc_fail");
    }
    if (!fields.isEmpty()) ticket.set("custom_fields", fields);
    ticket.set("additional_tags", tags(note));
    return ticket;
  }

  private ArrayNode tags(FeedbackNote note) {
    ArrayNode tags = ZendeskHttp.JSON.createArrayNode();
    tags.add(options.gradedTag());
    if (!note.passed()) tags.add(options.failTag());
    return tags;
  }

  private okhttp3.HttpUrl ticketUrl(FeedbackNote note) {
    return http.url("api", "v2", "tickets", note.ticketExternalId()).build();
  }

  private static ObjectNode wrap(String name, JsonNode value) {
    ObjectNode node = ZendeskHttp.JSON.createObjectNode();
    node.set(name, value);
    return node;
  }

  private static String commentId(JsonNode answer) {
    for (JsonNode event : answer.path("audit").path("events")) {
      if ("Comment".equals(event.path("type").asText())) return event.path("id").asText();
    }
    return null;
  }

  /** Requests sent to Zendesk by this sink, retries included. */
  public long requestCount() {
    return http.requestCount();
  }

  @Override
  public void close() {
    http.close();
  }
}
