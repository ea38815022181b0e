package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.WriteResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Writes a QC result onto an issue in two steps, two requests when nothing goes wrong: a restricted
 * comment (Cloud: ADF with visibility; service-desk projects: JSM internal note; DC: plain text
 * with visibility), then one edit carrying labels, an optional score field and an issue property
 * holding only the note's idempotency key and comment id. Issue properties are readable by anyone
 * who can see the issue, so nothing else goes there.
 */
final class JiraFeedbackSink implements JiraSink {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  static final String COMMENT = "comment";
  static final String FIELDS = "fields";
  private static final List<String> STEPS = List.of(COMMENT, FIELDS);

  private final ConnectionSettings settings;
  private final JiraOptions options;
  private final JiraHttp http;

  JiraFeedbackSink(ConnectionSettings settings, JiraHttp http) {
    this.settings = settings;
    this.options = JiraOptions.of(settings);
    this.http = http;
  }

  /** The note, then one edit carrying labels, the score field and the issue property. */
  @Override
  public List<String> steps() {
    return STEPS;
  }

  /** All steps in one call, looking for an earlier copy of the note first. */
  @Override
  public WriteResult publish(FeedbackNote note) throws ConnectorException {
    Map<String, WriteResult> done = new LinkedHashMap<>();
    for (String step : STEPS) done.put(step, writeStep(step, note, true, done));
    return done.get(COMMENT);
  }

  @Override
  public WriteResult writeStep(
      String step, FeedbackNote note, boolean afterUnknownOutcome, Map<String, WriteResult> done)
      throws ConnectorException {
    return switch (step) {
      case COMMENT -> comment(note, afterUnknownOutcome);
      case FIELDS -> fields(note, done.get(COMMENT));
      default -> throw new IllegalArgumentException("unknown write-back step " + step);
    };
  }

  /**
   * POSTs the comment. Never resent blind: a 5xx, timeout or dropped connection throws "outcome
   * unknown" (see {@link JiraHttp#send}), and the retry looks for the marker first.
   */
  private WriteResult comment(FeedbackNote note, boolean afterUnknownOutcome)
      throws ConnectorException {
    String issue = issueRef(note);
    if (afterUnknownOutcome) {
      Optional<WriteResult> earlier = findComment(issue, note);
      if (earlier.isPresent()) return earlier.get();
    }
    boolean serviceDesk = serviceDesk(note);
    JiraHttp.Answer answer =
        http.send(
            new Request.Builder()
                .url(commentUrl(issue, serviceDesk))
                .post(http.json(commentBody(note, serviceDesk))),
            false,
            Set.of(400, 403));
    if (answer.status() == 400 || answer.status() == 403) {
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
    return new WriteResult(
        WriteResult.Outcome.WRITTEN,
        commentId,
        (serviceDesk ? "internal note" : "restricted comment") + " added to " + issue);
  }

  /**
   * One idempotent edit: labels, the score field and the issue property holding the note's key (and
   * comment id), so a later {@link #find} costs one read.
   */
  private WriteResult fields(FeedbackNote note, WriteResult comment) throws ConnectorException {
    String issue = issueRef(note);
    ObjectNode body = F.objectNode();
    ArrayNode labels = body.putObject("update").putArray("labels");
    if (options.gradedLabel() != null) labels.addObject().put("add", options.gradedLabel());
    if (options.failLabel() != null) {
      labels.addObject().put(note.passed() ? "remove" : "add", options.failLabel());
    }
    if (options.scoreField() != null && note.scorePercent() != null) {
      body.putObject("fields").put(options.scoreField(), note.scorePercent());
    }
    ObjectNode entry = F.objectNode().put("key", note.idempotencyKey());
    String commentId = comment == null ? null : comment.hostReference();
    if (commentId != null) entry.put("comment", commentId);
    ObjectNode value = F.objectNode();
    value.putArray("notes").add(entry);
    body.putArray("properties").addObject().put("key", options.property()).set("value", value);
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
    return new WriteResult(
        WriteResult.Outcome.WRITTEN,
        null,
        "labels" + (options.scoreField() != null ? ", score field" : "") + " and property written");
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
    return findComment(issue, note);
  }

  /** The comment may have been applied while its answer was lost: look for the marker. */
  private Optional<WriteResult> findComment(String issue, FeedbackNote note)
      throws ConnectorException {
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

  /**
   * Service-desk projects get a JSM internal note, others a platform comment with visibility. The
   * project type comes from the ticket ({@code projectTypeKey} stored at ingest); without it, the
   * connection's flavor decides.
   */
  private boolean serviceDesk(FeedbackNote note) {
    if (options.flavor() == JiraOptions.Flavor.DC) return false;
    String type = note.ticketFields().get(IssueMapper.PROJECT_TYPE);
    if (type != null) return "service_desk".equals(type);
    return options.flavor() == JiraOptions.Flavor.JSM;
  }

  private HttpUrl commentUrl(String issue, boolean serviceDesk) {
    return serviceDesk
        ? http.url("/rest/servicedeskapi/request/" + issue + "/comment").build()
        : http.url(options.api() + "/issue/" + issue + "/comment").build();
  }

  private Map<String, Object> commentBody(FeedbackNote note, boolean serviceDesk) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (serviceDesk) {
      body.put("body", NoteFormat.text(note));
      body.put("public", false);
    } else if (options.flavor() == JiraOptions.Flavor.DC) {
      body.put("body", NoteFormat.text(note));
      body.put("visibility", visibility());
    } else {
      body.put("body", NoteFormat.adf(note));
      body.put("visibility", visibility());
    }
    return body;
  }

  private Map<String, String> visibility() {
    return Map.of("type", options.visibilityType(), "value", options.visibilityValue());
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

  private HttpUrl propertyUrl(String issue) {
    return http.url(options.api() + "/issue/" + issue + "/properties/" + options.property())
        .build();
  }

  @Override
  public long requestCount() {
    return http.requestCount();
  }

  /** The HTTP client is the connection's, shared with its sources; the provider closes it. */
  @Override
  public void close() {}
}
