package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.ConnectorException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /rest/api/3/search/jql}, following {@code nextPageToken} until the page hint is met.
 * Jira may return fewer issues than {@code maxResults} when fields are requested, so one call may
 * read several search pages.
 */
final class CloudSearch implements IssueSearch {
  /** The most {@code maxResults} the endpoint accepts (it returns fewer when fields are asked). */
  static final int MAX_RESULTS = 5000;

  private final JiraHttp http;
  private final IssueMapper mapper;

  CloudSearch(JiraHttp http, JiraOptions options, IssueMapper mapper) {
    this.http = http;
    this.mapper = mapper;
  }

  @Override
  public Batch collect(JqlCheckpoint from, ZoneId zone, int pageHint, String baseJql)
      throws ConnectorException {
    String jql =
        baseJql
            + " AND updated >= \""
            + JiraTime.jql(from.overlapStart(), zone)
            + "\" ORDER BY updated ASC, id ASC";
    List<JsonNode> fresh = new ArrayList<>();
    String token = null;
    boolean last;
    do {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("jql", jql);
      body.put("fields", mapper.fields());
      body.put("maxResults", Math.min(MAX_RESULTS, pageHint));
      if (token != null) body.put("nextPageToken", token);
      JsonNode answer = http.post(http.url("/rest/api/3/search/jql").build(), body);
      for (JsonNode issue : answer.path("issues")) {
        if (!from.alreadySeen(issue.path("id").asText(), IssueMapper.updated(issue))) {
          fresh.add(issue);
        }
      }
      token = answer.path("nextPageToken").asText(null);
      last = answer.path("isLast").asBoolean(token == null) || token == null || token.isEmpty();
    } while (!last && fresh.size() < pageHint);
    return new Batch(fresh, Map.of(), from, last);
  }
}
