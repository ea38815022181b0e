package io.qccompanion.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.Page;
import io.qccompanion.simulators.jira.SimulatedJira;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Requests per 1000 issues and issues/s of a full Cloud ingest from SimulatedJira, against a
 * baseline that fetches each issue's changelog on its own. Run with {@code mvn -B -pl
 * connector-jira -am verify -Dsurefire.excludedGroups= -Dgroups=benchmark}.
 */
@Tag("benchmark")
class IngestBenchmarkTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  @Test
  void bulkIngestNeedsFewRequestsPerThousandIssues() throws Exception {
    int issues = Integer.getInteger("benchmark.issues", 100_000);
    long genStart = System.nanoTime();
    try (SimulatedJira jira =
        SimulatedJira.start(
            SimulatedJira.defaults()
                .issueCount(issues)
                .weeks(12)
                .now(NOW)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build())) {
      double genSeconds = (System.nanoTime() - genStart) / 1e9;
      JiraConnectorProvider provider = new JiraConnectorProvider(d -> {}, List.of());
      long start = System.nanoTime();
      long read = 0;
      long requests;
      try (JiraSource source =
          provider.openSource(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
        Checkpoint checkpoint = Checkpoint.INITIAL;
        while (true) {
          Page page = source.fetchClosedSince(checkpoint, 1000);
          read += page.tickets().size();
          checkpoint = page.next();
          if (page.done()) break;
        }
        requests = source.requestCount();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double perThousand = requests * 1000.0 / read;

      // Baseline, measured on a sample: one changelog request per issue (the naive client).
      int sample = 2000;
      List<String> keys = jira.keys().subList(0, sample);
      JiraHttp http =
          new JiraHttp(
              Fixtures.sim(jira, Map.of()),
              Clock.systemUTC(),
              d -> {},
              List.of(),
              new com.fasterxml.jackson.databind.ObjectMapper());
      long baselineStart = System.nanoTime();
      http.post(
          http.url("/rest/api/3/search/jql").build(),
          Map.of("jql", "statusCategory = Done", "fields", List.of("id"), "maxResults", 5000));
      for (int i = 0; i < sample; i += 100) {
        http.post(
            http.url("/rest/api/3/search/jql").build(),
            Map.of(
                "jql", "statusCategory = Done", "fields", List.of("summary"), "maxResults", 100));
      }
      for (String key : keys) {
        http.post(
            http.url("/rest/api/3/changelog/bulkfetch").build(),
            Map.of("issueIdsOrKeys", List.of(key), "fieldIds", List.of("status", "assignee")));
      }
      double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
      http.close();
      double baselinePerThousand = (http.requestCount() - 1) * 1000.0 / sample;

      System.out.printf(
          "BENCHMARK generated %d issues in %.1fs; ingested %d Done issues in %.1fs (%.0f issues/s),"
              + " %d requests = %.1f per 1000 issues; per-issue changelog baseline %.1f per 1000"
              + " issues (%d-issue sample, %.0f issues/s); ratio %.1fx fewer requests%n",
          issues,
          genSeconds,
          read,
          seconds,
          read / seconds,
          requests,
          perThousand,
          baselinePerThousand,
          sample,
          sample / baselineSeconds,
          baselinePerThousand / perThousand);
      assertThat(read).isEqualTo(jira.doneCount());
      assertThat(perThousand).isLessThanOrEqualTo(12.0);
    }
  }
}
