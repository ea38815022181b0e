package io.qccompanion.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.Request;
import org.junit.jupiter.api.Test;

class RequestMetricsTest {
  @Test
  void replacesIdsAndDropsTheJsonSuffixAndTheQuery() {
    RequestMetrics zendesk = new RequestMetrics("c1", null, RequestMetrics.NUMERIC_ID);
    assertThat(
            zendesk.endpoint(
                get(
                    "https://acme.zendesk.com/api/v2/tickets/9007199254740993/comments.json?page=2")))
        .isEqualTo("GET /api/v2/tickets/{id}/comments");
    assertThat(zendesk.endpoint(get("https://acme.zendesk.com/api/v2/tickets/42.json")))
        .isEqualTo("GET /api/v2/tickets/{id}");
    assertThat(zendesk.endpoint(get("https://acme.zendesk.com/api/v2/incremental/tickets/cursor")))
        .isEqualTo("GET /api/v2/incremental/tickets/cursor");
  }

  @Test
  void aConnectorNamesItsOwnIdShapes() {
    RequestMetrics jira = new RequestMetrics("c2", null, "\\d+|[A-Z][A-Z0-9]+-\\d+");
    assertThat(jira.endpoint(get("https://acme.atlassian.net/rest/api/3/issue/SUP-42/comment")))
        .isEqualTo("GET /rest/api/3/issue/{id}/comment");
    assertThat(jira.endpoint(get("https://acme.atlassian.net/rest/api/3/issue/10042")))
        .isEqualTo("GET /rest/api/3/issue/{id}");
    assertThat(jira.endpoint(get("https://acme.atlassian.net/rest/api/3/myself")))
        .isEqualTo("GET /rest/api/3/myself");
  }

  private static Request get(String url) {
    return new Request.Builder().url(url).get().build();
  }
}
