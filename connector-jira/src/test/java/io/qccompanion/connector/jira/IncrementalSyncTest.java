package io.qccompanion.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.Page;
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

class IncrementalSyncTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
  final Fixtures fixtures = new Fixtures();

  static SimulatedJira start(ZoneId zone, int issues) {
    return SimulatedJira.start(
        SimulatedJira.defaults()
            .seed(11)
            .issueCount(issues)
            .weeks(4)
            .now(NOW)
            .timeZone(zone)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build());
  }

  /** Syncs until done, committing each page's checkpoint like the server does. */
  static Checkpoint syncAll(JiraSource source, Checkpoint from, int pageHint, List<Ticket> out)
      throws Exception {
    Checkpoint checkpoint = from;
    for (int i = 0; i < 1000; i++) {
      Page page = source.fetchClosedSince(checkpoint, pageHint);
      out.addAll(page.tickets());
      checkpoint = page.next();
      if (page.done()) return checkpoint;
    }
    throw new AssertionError("sync never finished");
  }

  static List<String> ids(List<Ticket> tickets) {
    return tickets.stream().map(Ticket::externalId).toList();
  }

  @Test
  void readsEveryDoneIssueExactlyOnceAcrossPages() throws Exception {
    try (SimulatedJira jira = start(ZoneId.of("UTC"), 400);
        JiraSource source =
            fixtures.provider.openSource(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      List<Ticket> tickets = new ArrayList<>();
      syncAll(source, Checkpoint.INITIAL, 60, tickets);

      assertThat(ids(tickets)).doesNotHaveDuplicates().hasSize(jira.doneCount());
      assertThat(tickets)
          .allSatisfy(
              t -> {
                assertThat(t.url()).isEqualTo(jira.baseUrl() + "/browse/" + t.key());
                assertThat(t.assigneeAtSolveId()).isNotNull();
                assertThat(t.teamId()).isIn("SUP", "HELP");
                assertThat(t.solvedAt()).isNotNull();
                assertThat(t.resolutionMinutes()).isNotNegative();
              });
      assertThat(tickets).anySatisfy(t -> assertThat(t.reopenCount()).isPositive());
    }
  }

  @Test
  void sideLoadsAgentsAndProjectsWithoutExtraRequests() throws Exception {
    try (SimulatedJira jira = start(ZoneId.of("UTC"), 200);
        JiraSource source =
            fixtures.provider.openSource(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      Page page = source.fetchClosedSince(Checkpoint.INITIAL, 1000);

      assertThat(page.users())
          .extracting(u -> u.id())
          .containsAnyElementsOf(jira.agents().stream().map(a -> a.accountId()).toList());
      assertThat(page.users()).allSatisfy(u -> assertThat(u.email()).endsWith("@example.com"));
      assertThat(page.teams()).extracting(t -> t.id()).containsExactlyInAnyOrder("SUP", "HELP");
      // myself + status + 2 search pages (100 a page) + one changelog bulk fetch for the page
      assertThat(source.requestCount()).isEqualTo(5);
    }
  }

  @Test
  void resumesFromCheckpointAfterCrashWithoutGapsOrDuplicates() throws Exception {
    try (SimulatedJira jira = start(ZoneId.of("UTC"), 300)) {
      List<Ticket> committed = new ArrayList<>();
      Checkpoint checkpoint = Checkpoint.INITIAL;
      try (JiraSource first =
          fixtures.provider.openSource(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
        for (int page = 0; page < 2; page++) {
          Page p = first.fetchClosedSince(checkpoint, 40);
          committed.addAll(p.tickets());
          checkpoint = p.next();
        }
        first.fetchClosedSince(checkpoint, 40); // page 3 fetched, then the server crashes
      }
      try (JiraSource resumed =
          fixtures.provider.openSource(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
        syncAll(resumed, checkpoint, 40, committed);
      }

      assertThat(ids(committed)).doesNotHaveDuplicates().hasSize(jira.doneCount());
    }
  }

  @Test
  void issuesUpdatedInTheCheckpointMinuteAreNeitherMissedNorDuplicated() throws Exception {
    try (SimulatedJira jira = start(ZoneId.of("UTC"), 100);
        JiraSource source =
            fixtures.provider.openSource(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      String agent = jira.agents().get(0).accountId();
      Checkpoint checkpoint = syncAll(source, Checkpoint.INITIAL, 500, new ArrayList<>());
      String a = jira.addIssue("SUP", agent, "Printer on fire", NOW.plusSeconds(1810));

      List<Ticket> first = new ArrayList<>();
      checkpoint = syncAll(source, checkpoint, 500, first);
      String b = jira.addIssue("SUP", agent, "Same minute, later", NOW.plusSeconds(1840));
      String lateIndexed =
          jira.addIssue("SUP", agent, "Same minute, earlier", NOW.plusSeconds(1805));
      List<Ticket> second = new ArrayList<>();
      syncAll(source, checkpoint, 500, second);

      assertThat(first).extracting(Ticket::key).containsExactly(a);
      assertThat(second).extracting(Ticket::key).containsExactlyInAnyOrder(b, lateIndexed);
    }
  }

  @Test
  void readsJqlDatesInTheApiUsersTimeZone() throws Exception {
    try (SimulatedJira jira = start(ZoneId.of("America/Los_Angeles"), 100);
        JiraSource source =
            fixtures.provider.openSource(Fixtures.sim(jira, Map.of()), Clock.systemUTC())) {
      String agent = jira.agents().get(1).accountId();
      jira.addIssue("HELP", agent, "Password reset link expired", NOW.plusSeconds(60));
      Checkpoint checkpoint = syncAll(source, Checkpoint.INITIAL, 500, new ArrayList<>());
      String late = jira.addIssue("HELP", agent, "VPN drops every hour", NOW.plusSeconds(1800));
      List<Ticket> next = new ArrayList<>();
      syncAll(source, checkpoint, 500, next);

      // Formatting the lower bound in UTC would ask Los Angeles for issues 8 hours too late.
      assertThat(next).extracting(Ticket::key).containsExactly(late);
    }
  }
}
