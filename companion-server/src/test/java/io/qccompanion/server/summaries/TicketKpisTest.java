package io.qccompanion.server.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.testing.TestApp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ticket x week roll-up, once folded, equals the ticket KPIs computed from scratch through
 * every kind of write the triggers catch: ingest inserts and updates, an agent merge, a ticket
 * moved to another week, evaluations starting and stopping to count, deletions.
 */
class TicketKpisTest {
  static final Period WEEKS =
      new Period(LocalDate.parse("2026-10-05"), LocalDate.parse("2026-11-01"));
  TestApp app;
  TicketKpis kpis;

  @BeforeEach
  void start() {
    app = TestApp.start();
    kpis = app.c().summaries().ticketKpis();
    app.c().db().run(h -> Fixture.standard(h, app.c().summaries().aggregates()));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private void assertFoldedEqualsFromScratch() {
    kpis.catchUp();
    var queries = new TicketQueries();
    app.c()
        .db()
        .read(
            h -> {
              assertThat(
                      h.createQuery("SELECT COUNT(*) FROM ticket_kpi_changes")
                          .mapTo(Long.class)
                          .one())
                  .as("every change folded")
                  .isZero();
              for (GroupBy g : List.of(GroupBy.AGENT, GroupBy.TEAM, GroupBy.NONE))
                for (Bucket b : List.of(Bucket.WEEK, Bucket.NONE))
                  for (Scope scope :
                      List.of(
                          Scope.ALL,
                          Scope.ALL.withTeam("T1"),
                          new Scope(null, "A1", null),
                          new Scope(null, "A9", null))) {
                    var slots = WEEKS.slots(b);
                    Map<Cell, TicketStats> rolledUp = kpis.read(h, scope, g, slots);
                    assertThat(rolledUp)
                        .as(g + " by " + b + " in " + scope)
                        .isEqualTo(queries.grouped(h, scope, g, slots));
                  }
              return null;
            });
  }

  private TicketStats a1Week() {
    var slots =
        new Period(LocalDate.parse("2026-10-19"), LocalDate.parse("2026-10-25")).slots(Bucket.WEEK);
    return app.c()
        .db()
        .read(h -> kpis.read(h, Scope.ALL, GroupBy.AGENT, slots).get(new Cell("A1", 0)));
  }

  @Test
  void theMigrationsFirstFoldGivesTheFixturesFigures() {
    assertFoldedEqualsFromScratch();
    // t1 300 s GOOD, t2 600 s BAD reopened, t3 180 s unrated; e1-e3 count
    assertThat(a1Week()).isEqualTo(new TicketStats(3, 2, 1, 2, 3, 1080, 300L, 600L, 3));
  }

  @Test
  void followsTicketUpdatesMovesAndDeletes() {
    assertFoldedEqualsFromScratch();
    app.c()
        .db()
        .run(
            h -> {
              h.execute(
                  "UPDATE tickets SET handle_time_seconds = 60, csat_rating = 'GOOD' WHERE id = 't2'");
              h.execute("UPDATE tickets SET solved_at = solved_at - 7 * 86400000 WHERE id = 't3'");
              h.execute("UPDATE tickets SET agent_id = 'A2', team_id = NULL WHERE id = 't1'");
              h.execute("UPDATE tickets SET agent_id = NULL WHERE id = 't5'");
              h.execute("UPDATE tickets SET subject = 'unrelated' WHERE id = 't4'");
            });
    assertFoldedEqualsFromScratch();
    assertThat(a1Week()).isEqualTo(new TicketStats(1, 1, 1, 0, 1, 60, 60L, 60L, 1));
    app.c()
        .db()
        .run(
            h -> {
              h.execute("DELETE FROM evaluations WHERE ticket_id = 't2'");
              h.execute("DELETE FROM ticket_agents WHERE ticket_id = 't2'");
              h.execute("DELETE FROM tickets WHERE id = 't2'");
            });
    assertFoldedEqualsFromScratch();
    assertThat(a1Week()).isNull();
  }

  @Test
  void followsEvaluationsStartingAndStoppingToCount() {
    assertFoldedEqualsFromScratch();
    app.c()
        .db()
        .run(
            h -> {
              h.execute("UPDATE evaluations SET status = 'DRAFT' WHERE id = 'e1'");
              h.execute("UPDATE evaluations SET kind = 'CALIBRATION' WHERE id = 'e2'");
            });
    assertFoldedEqualsFromScratch();
    assertThat(a1Week().evaluated()).isEqualTo(1);
    app.c().db().run(h -> h.execute("UPDATE evaluations SET status = 'SUBMITTED' WHERE id = 'e1'"));
    assertFoldedEqualsFromScratch();
    assertThat(a1Week().evaluated()).isEqualTo(2);
  }

  @Test
  void randomWritesInBatchesSmallerThanTheBacklog() {
    var random = new Random(7);
    for (int round = 0; round < 4; round++) {
      int r = round;
      app.c()
          .db()
          .run(
              h -> {
                var f = new Fixture(h);
                for (int i = 0; i < 60; i++) {
                  String agent = List.of("A1", "A2", "A3").get(random.nextInt(3));
                  f.ticket(
                      "r" + r + "-" + i,
                      "CZ",
                      "zendesk",
                      random.nextInt(10) == 0 ? null : agent,
                      random.nextInt(10) == 0 ? null : agent.equals("A3") ? "T2" : "T1",
                      "2026-10-%02dT%02d:00:00Z"
                          .formatted(5 + random.nextInt(27), random.nextInt(24)),
                      random.nextInt(3),
                      random.nextInt(5) == 0 ? null : random.nextInt(3600),
                      List.of("GOOD", "BAD", "UNOFFERED").get(random.nextInt(3)));
                }
                h.execute(
                    "UPDATE tickets SET handle_time_seconds = handle_time_seconds + 1"
                        + " WHERE id LIKE 'r"
                        + r
                        + "-%' AND reopen_count = 1");
              });
      // folds in batches of 7 change rows: cells recur across batches and each fold stays exact
      while (app.c().db().write(h -> kpis.fold(h, 7))[0] > 0) {}
      assertFoldedEqualsFromScratch();
    }
  }

  @Test
  void aRebuildGivesTheSameRollUp() {
    assertFoldedEqualsFromScratch();
    assertThat(kpis.rebuild()).as("cells recomputed").isEqualTo(4);
    assertFoldedEqualsFromScratch();
  }
}
