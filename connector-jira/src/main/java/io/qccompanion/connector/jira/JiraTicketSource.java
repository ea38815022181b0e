package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.Csat;
import io.qccompanion.model.Message;
import io.qccompanion.model.Page;
import io.qccompanion.model.Ticket;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Incremental ingest of Done issues: Cloud through {@code POST /rest/api/3/search/jql} plus one
 * {@code changelog/bulkfetch} per page, Data Center through {@code GET /rest/api/2/search} with
 * {@code expand=changelog}. Pages are ordered by {@code updated, id}; see {@link JqlCheckpoint}.
 */
final class JiraTicketSource implements JiraSource {
  private final ConnectionSettings settings;
  private final JiraOptions options;
  private final JiraHttp http;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final IssueMapper issues;
  private ZoneId userZone;
  private Set<String> doneStatusIds;

  JiraTicketSource(ConnectionSettings settings, JiraHttp http, ObjectMapper mapper, Clock clock) {
    this.settings = settings;
    this.options = JiraOptions.of(settings);
    this.http = http;
    this.mapper = mapper;
    this.clock = clock;
    this.issues = new IssueMapper(settings.connectionId(), settings.baseUrl(), options);
  }

  @Override
  public Page fetchClosedSince(Checkpoint from, int pageHint) throws ConnectorException {
    JqlCheckpoint checkpoint = JqlCheckpoint.read(from, settings.startFrom(), mapper);
    IssueSearch search =
        options.dataCenter()
            ? new DataCenterSearch(http, options, issues, clock)
            : new CloudSearch(http, options, issues);
    IssueSearch.Batch batch = search.collect(checkpoint, zone(), Math.max(1, pageHint), baseJql());
    Map<String, List<JsonNode>> histories =
        options.dataCenter() ? batch.histories() : bulkChangelog(batch.issues());
    Set<String> done = doneStatusIds();
    List<Ticket> tickets = new ArrayList<>();
    JqlCheckpoint next = batch.checkpoint();
    for (JsonNode issue : batch.issues()) {
      String id = issue.path("id").asText();
      IssueHistory history =
          IssueHistory.from(
              histories.getOrDefault(id, List.of()),
              done,
              IssueMapper.userId(issue.path("fields").path("assignee")));
      tickets.add(issues.ticket(issue, history));
      next = next.advance(id, IssueMapper.updated(issue));
    }
    return Page.builder()
        .tickets(tickets)
        .users(issues.users(batch.issues()))
        .teams(issues.teams(batch.issues()))
        .next(next.write(mapper))
        .done(batch.done())
        .build();
  }

  /** The connection's filter without the time bound and order, which the searches add. */
  String baseJql() {
    if (options.jql() != null) return "(" + options.jql() + ")";
    StringBuilder jql = new StringBuilder("statusCategory = Done");
    if (!options.projects().isEmpty()) {
      jql.append(" AND project in (")
          .append(
              options.projects().stream()
                  .map(p -> "\"" + p + "\"")
                  .collect(Collectors.joining(", ")))
          .append(")");
    }
    return jql.toString();
  }

  /** Changelogs of a whole page in as few requests as the API allows (1000 issues a request). */
  private Map<String, List<JsonNode>> bulkChangelog(List<JsonNode> page) throws ConnectorException {
    Map<String, List<JsonNode>> byIssue = new java.util.HashMap<>();
    List<String> ids = page.stream().map(i -> i.path("id").asText()).toList();
    for (int from = 0; from < ids.size(); from += 1000) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      String token = null;
      do {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("issueIdsOrKeys", chunk);
        body.put("fieldIds", List.of("status", "assignee"));
        body.put("maxResults", 10000);
        if (token != null) body.put("nextPageToken", token);
        JsonNode answer = http.post(http.url("/rest/api/3/changelog/bulkfetch").build(), body);
        for (JsonNode log : answer.path("issueChangeLogs")) {
          List<JsonNode> list =
              byIssue.computeIfAbsent(log.path("issueId").asText(), k -> new ArrayList<>());
          log.path("changeHistories").forEach(list::add);
        }
        token = answer.path("nextPageToken").asText(null);
      } while (token != null && !token.isEmpty());
    }
    return byIssue;
  }

  ZoneId zone() throws ConnectorException {
    if (userZone == null) {
      JsonNode me = http.get(http.url(options.api() + "/myself").build());
      String tz = me.path("timeZone").asText("");
      userZone = tz.isEmpty() ? ZoneId.of("UTC") : ZoneId.of(tz);
    }
    return userZone;
  }

  private Set<String> doneStatusIds() throws ConnectorException {
    if (doneStatusIds == null) {
      Set<String> ids = new HashSet<>();
      for (JsonNode s : http.get(http.url(options.api() + "/status").build())) {
        if ("done".equals(s.path("statusCategory").path("key").asText())) {
          ids.add(s.path("id").asText());
        }
      }
      doneStatusIds = ids;
    }
    return doneStatusIds;
  }

  @Override
  public ConnectionCheck check() {
    return new JiraConnectionCheck(settings, options, http, this).run();
  }

  @Override
  public List<Message> fetchConversation(String externalId) throws ConnectorException {
    List<Message> messages = new ArrayList<>();
    int startAt = 0;
    while (true) {
      HttpUrl url =
          http.url(options.api() + "/issue/" + externalId + "/comment")
              .addQueryParameter("startAt", String.valueOf(startAt))
              .addQueryParameter("maxResults", "100")
              .addQueryParameter("orderBy", "created")
              .build();
      JsonNode answer = http.get(url);
      JsonNode comments = answer.path("comments");
      for (JsonNode c : comments) {
        JsonNode author = c.path("author");
        String type = author.path("accountType").asText("atlassian");
        String role =
            type.equals("customer") ? "customer" : type.equals("app") ? "system" : "agent";
        boolean isPublic =
            c.path("visibility").isMissingNode() && c.path("jsdPublic").asBoolean(true);
        messages.add(
            Message.builder()
                .authorId(IssueMapper.userId(author))
                .authorRole(role)
                .publicMessage(isPublic)
                .createdAt(JiraTime.parse(c.path("created").asText(null)))
                .body(Adf.text(c.path("body")))
                .build());
      }
      startAt += comments.size();
      if (comments.isEmpty() || startAt >= answer.path("total").asInt(0)) return messages;
    }
  }

  @Override
  public Csat fetchCsat(String issueIdOrKey) throws ConnectorException {
    if (options.flavor() != JiraOptions.Flavor.JSM) return Csat.NONE;
    HttpUrl url = http.url("/rest/servicedeskapi/request/" + issueIdOrKey + "/feedback").build();
    JiraHttp.Answer answer = http.send(new Request.Builder().url(url).get(), true, Set.of());
    if (answer.status() == 404 || answer.body() == null) return Csat.NONE;
    if (!answer.ok()) {
      throw ConnectorException.permanent(
          answer.status(), "Jira answered " + answer.status() + " to " + url.encodedPath());
    }
    int rating = answer.body().path("rating").asInt(0);
    if (rating == 0) return Csat.NONE;
    String comment = answer.body().path("comment").path("body").asText(null);
    return new Csat(rating >= 4 ? Csat.Rating.GOOD : Csat.Rating.BAD, rating, comment);
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
