package io.qccompanion.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.Ticket;
import io.qccompanion.simulators.jira.SimulatedJira;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataCenterSyncTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  final Fixtures fixtures = new Fixtures();

  @Test
  void splitsWindowsOverTheTenThousandResultCapAndReadsEveryIssueOnce() throws Exception {
    try (SimulatedJira jira =
        SimulatedJira.start(
            SimulatedJira.defaults()
                .flavor("dc")
                .seed(5)
                .issueCount(12_000)
                .weeks(1)
                .now(NOW)
                .timeZone(ZoneId.of("Europe/Berlin"))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build())) {
      // The first window (start to now) holds over 10,000 Done issues: the source must split it.
      var settings = Fixtures.sim(jira, Map.of());
      List<Ticket> tickets = new ArrayList<>();
      try (JiraSource source =
          fixtures.provider.openSource(settings, Clock.fixed(NOW, ZoneOffset.UTC))) {
        IncrementalSyncTest.syncAll(source, Checkpoint.INITIAL, 1000, tickets);
      }

      assertThat(jira.doneCount()).isGreaterThan(10_000);
      assertThat(IncrementalSyncTest.ids(tickets))
          .doesNotHaveDuplicates()
          .hasSize(jira.doneCount());
      assertThat(tickets)
          .allSatisfy(t -> assertThat(t.assigneeAtSolveId()).startsWith("712020:"))
          .anySatisfy(t -> assertThat(t.reopenCount()).isPositive());
      assertThat(SpecValidation.unvalidated).anyMatch(r -> r.startsWith("GET /rest/api/2/search"));
    }
  }

  @Test
  void picksUpAnIssueResolvedAfterTheLastSync() throws Exception {
    try (SimulatedJira jira =
        SimulatedJira.start(
            SimulatedJira.defaults()
                .flavor("dc")
                .issueCount(200)
                .weeks(2)
                .now(NOW)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build())) {
      var settings = Fixtures.sim(jira, Map.of());
      Clock later = Clock.fixed(NOW.plusSeconds(7200), ZoneOffset.UTC);
      try (JiraSource source = fixtures.provider.openSource(settings, later)) {
        Checkpoint checkpoint =
            IncrementalSyncTest.syncAll(source, Checkpoint.INITIAL, 500, new ArrayList<>());
        String key =
            jira.addIssue(
                "SUP", jira.agents().get(0).accountId(), "Disk full", NOW.plusSeconds(600));
        List<Ticket> next = new ArrayList<>();
        IncrementalSyncTest.syncAll(source, checkpoint, 500, next);

        assertThat(next).extracting(Ticket::key).containsExactly(key);
      }
    }
  }
}
