package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.ConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * {@code GET /rest/api/2/search} over bounded time windows with {@code startAt} paging. Data Center
 * refuses to page past 10,000 results, so a window whose total exceeds that is halved until it fits
 * (down to one minute).
 */
final class DataCenterSearch implements IssueSearch {
  static final int RESULT_CAP = 10_000;
  private static final int MAX_EMPTY_WINDOWS = 200;

  private final JiraHttp http;
  private final IssueMapper mapper;
  private final Clock clock;
  private final Duration window;

  DataCenterSearch(JiraHttp http, JiraOptions options, IssueMapper mapper, Clock clock) {
    this.http = http;
    this.mapper = mapper;
    this.clock = clock;
    this.window = Duration.ofHours(options.dcWindowHours());
  }

  @Override
  public Batch collect(JqlCheckpoint from, ZoneId zone, int pageHint, String baseJql)
      throws ConnectorException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    JqlCheckpoint checkpoint = from;
    int pageSize = Math.min(1000, pageHint);
    for (int windows = 0; windows < MAX_EMPTY_WINDOWS; windows++) {
      Instant lower = checkpoint.overlapStart();
      Duration span = window;
      JsonNode first;
      String jql;
      while (true) {
        Instant upper = lower.plus(span);
        jql =
            baseJql
                + " AND updated >= \""
                + JiraTime.jql(lower, zone)
                + "\" AND updated < \""
                + JiraTime.jql(upper, zone)
                + "\" ORDER BY updated ASC, id ASC";
        first = search(jql, 0, pageSize);
        if (first.path("total").asInt() <= RESULT_CAP || span.toMinutes() <= 1) break;
        span = Duration.ofMinutes(Math.max(1, span.toMinutes() / 2));
      }
      Instant upper = lower.plus(span);
      List<JsonNode> fresh = new ArrayList<>();
      Map<String, List<JsonNode>> histories = new HashMap<>();
      JsonNode page = first;
      int startAt = 0;
      int total = first.path("total").asInt();
      while (true) {
        for (JsonNode issue : page.path("issues")) {
          if (!checkpoint.alreadySeen(issue.path("id").asText(), IssueMapper.updated(issue))) {
            fresh.add(issue);
            List<JsonNode> h = new ArrayList<>();
            issue.path("changelog").path("histories").forEach(h::add);
            histories.put(issue.path("id").asText(), h);
          }
        }
        startAt += page.path("issues").size();
        if (page.path("issues").isEmpty()
            || startAt >= Math.min(total, RESULT_CAP)
            || fresh.size() >= pageHint) break;
        page = search(jql, startAt, pageSize);
      }
      boolean windowDone = startAt >= total;
      if (!fresh.isEmpty()) {
        return new Batch(fresh, histories, checkpoint, windowDone && !upper.isBefore(now));
      }
      if (!upper.isBefore(now)) return new Batch(List.of(), Map.of(), checkpoint, true);
      checkpoint = checkpoint.skipTo(upper);
    }
    return new Batch(List.of(), Map.of(), checkpoint, false);
  }

  private JsonNode search(String jql, int startAt, int maxResults) throws ConnectorException {
    HttpUrl url =
        http.url("/rest/api/2/search")
            .addQueryParameter("jql", jql)
            .addQueryParameter("startAt", String.valueOf(startAt))
            .addQueryParameter("maxResults", String.valueOf(maxResults))
            .addQueryParameter("fields", String.join(",", mapper.fields()))
            .addQueryParameter("expand", "changelog")
            .build();
    return http.get(url);
  }
}
