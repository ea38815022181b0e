package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.WriteResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Writes a QC result onto an issue: a restricted comment (Cloud: ADF with visibility; JSM: internal
 * note; DC: plain text with visibility), labels, an optional score field, and an issue property
 * holding only idempotency keys. Issue properties are readable by anyone who can see the issue, so
 * nothing else goes there.
 */
final class JiraFeedbackSink implements JiraSink {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int KEPT_KEYS = 50;

  private final ConnectionSettings settings;
  private final JiraOptions options;
  private final JiraHttp http;

  JiraFeedbackSink(ConnectionSettings settings, JiraHttp http) {
    this.settings = settings;
    this.options = JiraOptions.of(settings);
    this.http = http;
  }

  @Override
  public WriteResult publish(FeedbackNote note) throws ConnectorException {
    String issue = issueRef(note);
    Optional<WriteResult> earlier = find(note);
    if (earlier.isPresent()) {
      updateFields(issue, note);
      remember(issue, note, earlier.get().hostReference());
      return new WriteResult(
          WriteResult.Outcome.ALREADY_PRESENT,
          earlier.get().hostReference(),
          "note " + note.idempotencyKey() + " is already on " + issue);
    }
    JiraHttp.Answer answer =
        http.send(
            new Request.Builder().url(commentUrl(issue)).post(http.json(commentBody(note))),
            false,
            Set.of(400, 403));
    if (answer.status() == 400 || answer.status() == 403) {
      updateFields(issue, note);
      remember(issue, note, null);
      return new WriteResult(
          WriteResult.Outcome.FELL_BACK,
          null,
          "Jira refused a comment on "
              + issue
              + " ("
              + answer.status()
              + ", often a workflow that forbids comments in Done): labels"
              + (options.scoreField() != null ? " and score field" : "")
              + " written, the note stays on the companion. Jira said: "
              + JiraHttp.abbreviate(answer.text()));
    }
    if (!answer.ok()) {
      throw ConnectorException.permanent(
          answer.status(),
          "Jira answered " + answer.status() + " to a comment on " + issue + ": " + answer.text());
    }
    String commentId = answer.body() == null ? null : answer.body().path("id").asText(null);
    updateFields(issue, note);
    remember(issue, note, commentId);
    return new WriteResult(WriteResult.Outcome.WRITTEN, commentId, "comment added to " + issue);
  }

  @Override
  public Optional<WriteResult> find(FeedbackNote note) throws ConnectorException {
    String issue = issueRef(note);
    JsonNode property = property(issue);
    for (JsonNode entry : property.path("notes")) {
      if (note.idempotencyKey().equals(entry.path("key").asText())) {
        String comment = entry.path("comment").asText(null);
        return Optional.of(
            comment == null
                ? new WriteResult(
                    WriteResult.Outcome.FELL_BACK, null, "labels written earlier, no comment")
                : new WriteResult(
                    WriteResult.Outcome.ALREADY_PRESENT, comment, "marker in issue property"));
      }
    }
    // The comment may have been applied while its answer was lost: look for the marker.
    String marker = NoteFormat.marker(note);
    int startAt = 0;
    while (true) {
      HttpUrl url =
          http.url(options.api() + "/issue/" + issue + "/comment")
              .addQueryParameter("startAt", String.valueOf(startAt))
              .addQueryParameter("maxResults", "100")
              .build();
      JsonNode answer = http.get(url);
      JsonNode comments = answer.path("comments");
      for (JsonNode c : comments) {
        if (Adf.text(c.path("body")).contains(marker)) {
          return Optional.of(
              new WriteResult(
                  WriteResult.Outcome.ALREADY_PRESENT, c.path("id").asText(), "marker in comment"));
        }
      }
      startAt += comments.size();
      if (comments.isEmpty() || startAt >= answer.path("total").asInt(0)) return Optional.empty();
    }
  }

  private String issueRef(FeedbackNote note) {
    return note.ticketKey() != null ? note.ticketKey() : note.ticketExternalId();
  }

  private HttpUrl commentUrl(String issue) {
    return options.flavor() == JiraOptions.Flavor.JSM
        ? http.url("/rest/servicedeskapi/request/" + issue + "/comment").build()
        : http.url(options.api() + "/issue/" + issue + "/comment").build();
  }

  private Map<String, Object> commentBody(FeedbackNote note) {
    Map<String, Object> body = new LinkedHashMap<>();
    switch (options.flavor()) {
      case JSM -> {
        body.put("body", NoteFormat.text(note));
        body.put("public", false);
      }
      case DC -> {
        body.put("body", NoteFormat.text(note));
        body.put("visibility", visibility());
      }
      default -> {
        body.put("body", NoteFormat.adf(note));
        body.put("visibility", visibility());
      }
    }
    return body;
  }

  private Map<String, String> visibility() {
    return Map.of("type", options.visibilityType(), "value", options.visibilityValue());
  }

  private void updateFields(String issue, FeedbackNote note) throws ConnectorException {
    ObjectNode body = F.objectNode();
    ArrayNode labels = body.putObject("update").putArray("labels");
    if (options.gradedLabel() != null) labels.addObject().put("add", options.gradedLabel());
    if (options.failLabel() != null) {
      labels.addObject().put(note.passed() ? "remove" : "add", options.failLabel());
    }
    if (options.scoreField() != null && note.scorePercent() != null) {
      body.putObject("fields").put(options.scoreField(), note.scorePercent());
    }
    if (labels.isEmpty() && !body.has("fields")) return;
    HttpUrl url = http.url(options.api() + "/issue/" + issue).build();
    JiraHttp.Answer answer =
        http.send(new Request.Builder().url(url).put(http.json(body)), true, Set.of());
    if (!answer.ok()) {
      throw ConnectorException.permanent(
          answer.status(),
          "Jira refused labels/fields on "
              + issue
              + " for connection '"
              + settings.name()
              + "' ("
              + answer.status()
              + "): "
              + JiraHttp.abbreviate(answer.text()));
    }
  }

  private JsonNode property(String issue) throws ConnectorException {
    HttpUrl url = propertyUrl(issue);
    JiraHttp.Answer answer = http.send(new Request.Builder().url(url).get(), true, Set.of());
    if (answer.status() == 404 || answer.body() == null) return F.objectNode();
    if (!answer.ok()) {
      throw ConnectorException.permanent(
          answer.status(), "Jira answered " + answer.status() + " reading " + url.encodedPath());
    }
    return answer.body().path("value");
  }

  /** Adds the key (and comment id) to the issue property; nothing private is stored there. */
  private void remember(String issue, FeedbackNote note, String commentId)
      throws ConnectorException {
    List<JsonNode> notes = new ArrayList<>();
    property(issue)
        .path("notes")
        .forEach(
            n -> {
              if (!note.idempotencyKey().equals(n.path("key").asText())) notes.add(n);
            });
    ObjectNode entry = F.objectNode().put("key", note.idempotencyKey());
    if (commentId != null) entry.put("comment", commentId);
    notes.add(entry);
    ObjectNode value = F.objectNode();
    value
        .putArray("notes")
        .addAll(notes.subList(Math.max(0, notes.size() - KEPT_KEYS), notes.size()));
    JiraHttp.Answer answer =
        http.send(
            new Request.Builder().url(propertyUrl(issue)).put(http.json(value)), true, Set.of());
    if (!answer.ok()) {
      throw ConnectorException.permanent(
          answer.status(), "Jira answered " + answer.status() + " writing the issue property");
    }
  }

  private HttpUrl propertyUrl(String issue) {
    return http.url(options.api() + "/issue/" + issue + "/properties/" + options.property())
        .build();
  }

  @Override
  public long requestCount() {
    return http.requestCount();
  }

  @Override
  public void close() {
    http.close();
  }
}
