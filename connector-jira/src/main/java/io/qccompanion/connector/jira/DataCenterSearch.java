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
 * {@code GET /rest/api/2/search} over a time window with {@code startAt} paging. Data Center
 * refuses to page past 10,000 results, so the window (from the checkpoint to now) is halved until
 * its total fits, probing with {@code maxResults=0} (down to one minute).
 */
final class DataCenterSearch implements IssueSearch {
  static final int RESULT_CAP = 10_000;

  private final JiraHttp http;
  private final IssueMapper mapper;
  private final Clock clock;

  DataCenterSearch(JiraHttp http, JiraOptions options, IssueMapper mapper, Clock clock) {
    this.http = http;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public Batch collect(JqlCheckpoint from, ZoneId zone, int pageHint, String baseJql)
      throws ConnectorException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
    int pageSize = Math.min(1000, pageHint);
    Instant lower = from.overlapStart();
    Duration span = Duration.between(lower, now);
    if (span.toMinutes() < 1) span = Duration.ofMinutes(1);
    String jql = window(baseJql, lower, lower.plus(span), zone);
    JsonNode first = search(jql, 0, pageSize);
    while (first.path("total").asInt() > RESULT_CAP && span.toMinutes() > 1) {
      span = Duration.ofMinutes(Math.max(1, span.toMinutes() / 2));
      jql = window(baseJql, lower, lower.plus(span), zone);
      first = search(jql, 0, 0);
    }
    if (first.path("issues").isEmpty() && first.path("total").asInt() > 0) {
      first = search(jql, 0, pageSize);
    }
    Instant upper = lower.plus(span);
    List<JsonNode> fresh = new ArrayList<>();
    Map<String, List<JsonNode>> histories = new HashMap<>();
    JsonNode page = first;
    int startAt = 0;
    int total = first.path("total").asInt();
    while (true) {
      for (JsonNode issue : page.path("issues")) {
        if (!from.alreadySeen(issue.path("id").asText(), IssueMapper.updated(issue))) {
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
    if (fresh.isEmpty() && windowDone && upper.isBefore(now)) {
      // Everything in this window was already returned: continue after it next time.
      return new Batch(fresh, histories, from.skipTo(upper), false);
    }
    return new Batch(fresh, histories, from, windowDone && !upper.isBefore(now));
  }

  private static String window(String baseJql, Instant lower, Instant upper, ZoneId zone) {
    return baseJql
        + " AND updated >= \""
        + JiraTime.jql(lower, zone)
        + "\" AND updated < \""
        + JiraTime.jql(upper, zone)
        + "\" ORDER BY updated ASC, id ASC";
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
