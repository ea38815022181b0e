package io.qccompanion.server.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.testing.TestApp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent x week aggregate stays equal to the from-scratch query through every change. */
class QualityAggregatesTest {
  static final Period WEEKS =
      new Period(LocalDate.parse("2026-10-05"), LocalDate.parse("2026-11-01"));
  TestApp app;
  QualityAggregates aggregates;

  @BeforeEach
  void start() {
    app = TestApp.start();
    aggregates = app.c().summaries().aggregates();
    app.c().db().run(h -> Fixture.standard(h, aggregates));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private void assertEqualToFromScratch() {
    var queries = new QualityQueries();
    app.c()
        .db()
        .read(
            h -> {
              for (GroupBy g : List.of(GroupBy.AGENT, GroupBy.TEAM, GroupBy.NONE))
                for (Bucket b : List.of(Bucket.WEEK, Bucket.NONE)) {
                  var slots = WEEKS.slots(b);
                  for (Scope scope : List.of(Scope.ALL, Scope.ALL.withTeam("T1"))) {
                    Map<Cell, QualityStats> fromAggregate = aggregates.read(h, scope, g, slots);
                    assertThat(fromAggregate)
                        .as(g + " by " + b + " in " + scope)
                        .isEqualTo(queries.grouped(h, scope, g, slots));
                  }
                }
              return null;
            });
  }

  private static QualityStats a1Week(Handle h, QualityAggregates aggregates) {
    var slots =
        new Period(LocalDate.parse("2026-10-19"), LocalDate.parse("2026-10-25")).slots(Bucket.WEEK);
    return aggregates.read(h, Scope.ALL, GroupBy.AGENT, slots).get(new Cell("A1", 0));
  }

  @Test
  void equalsFromScratchAfterSubmits() {
    assertEqualToFromScratch();
    QualityStats a1 = app.c().db().read(h -> a1Week(h, aggregates));
    assertThat(a1.n()).isEqualTo(3);
    assertThat(a1.scoreSum()).isEqualTo(180.0);
    assertThat(a1.critical()).isEqualTo(1);
  }

  @Test
  void equalsFromScratchAfterAnAmendment() {
    app.c()
        .db()
        .run(
            h -> {
              h.execute(
                  "UPDATE evaluations SET score = 85, passed = 0, critical_fail = 0, status = 'AMENDED',"
                      + " revision = 2 WHERE id = 'e3'");
              aggregates.apply(h, "e3");
              aggregates.apply(h, "e3");
            });
    assertEqualToFromScratch();
    QualityStats a1 = app.c().db().read(h -> a1Week(h, aggregates));
    assertThat(a1.scoreSum()).isEqualTo(265.0);
    assertThat(a1.critical()).isZero();
  }

  @Test
  void equalsFromScratchWhenAnEvaluationMovesWeekOrStopsCounting() {
    app.c()
        .db()
        .run(
            h -> {
              h.execute(
                  "UPDATE evaluations SET submitted_at = ? WHERE id = 'e1'",
                  Fixture.at("2026-10-27T09:00:00Z"));
              aggregates.apply(h, "e1");
              h.execute("UPDATE evaluations SET status = 'DRAFT' WHERE id = 'e4'");
              aggregates.apply(h, "e4");
              h.execute(
                  "UPDATE evaluations SET status = 'SUBMITTED', submitted_at = ? WHERE id = 'e6'",
                  Fixture.at("2026-10-24T12:00:00Z"));
              aggregates.apply(h, "e6");
            });
    assertEqualToFromScratch();
  }

  @Test
  void equalsFromScratchAfterARetentionPurge() {
    app.c()
        .db()
        .run(
            h -> {
              for (String id : List.of("e1", "e2", "pe1")) {
                aggregates.retract(h, id);
                h.execute("DELETE FROM evaluation_answers WHERE evaluation_id = ?", id);
                h.execute("DELETE FROM evaluations WHERE id = ?", id);
              }
            });
    assertEqualToFromScratch();
    assertThat(app.c().db().read(h -> a1Week(h, aggregates)).n()).isEqualTo(1);
  }

  @Test
  void rebuildReproducesTheIncrementalAggregate() {
    var before =
        app.c()
            .db()
            .read(h -> aggregates.read(h, Scope.ALL, GroupBy.AGENT, WEEKS.slots(Bucket.WEEK)));
    app.c().db().run(h -> h.execute("DELETE FROM agent_week_quality"));
    aggregates.rebuild();
    Map<Cell, QualityStats> after =
        app.c()
            .db()
            .read(h -> aggregates.read(h, Scope.ALL, GroupBy.AGENT, WEEKS.slots(Bucket.WEEK)));
    assertThat(after).isEqualTo(before).isNotEmpty();
    assertEqualToFromScratch();
  }

  @Test
  void cachedAnswersFollowEveryChangeAndIgnoreRolledBackOnes() {
    var db = app.c().db();
    assertThat(db.read(h -> a1Week(h, aggregates)).n()).isEqualTo(3);
    try {
      db.run(
          h -> {
            h.execute("UPDATE evaluations SET status = 'DRAFT' WHERE id = 'e1'");
            aggregates.apply(h, "e1");
            assertThat(a1Week(h, aggregates).n()).isEqualTo(2);
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // the transaction rolled back
    }
    assertThat(db.read(h -> a1Week(h, aggregates)).n()).isEqualTo(3);
    db.run(
        h -> {
          h.execute("UPDATE evaluations SET status = 'DRAFT' WHERE id = 'e2'");
          aggregates.apply(h, "e2");
        });
    assertThat(db.read(h -> a1Week(h, aggregates)).n()).isEqualTo(2);
    assertEqualToFromScratch();
  }

  @Test
  void aWriteTouchesOnlyItsAgentsTokenAndAnotherInstanceSeesIt() {
    var db = app.c().db();
    var otherInstance = new QualityAggregates(db);
    assertThat(db.read(h -> a1Week(h, otherInstance)).n()).isEqualTo(3);
    Map<String, Long> before = tokens();
    db.run(
        h -> {
          h.execute("UPDATE evaluations SET status = 'DRAFT' WHERE id = 'e1'");
          aggregates.apply(h, "e1");
        });
    Map<String, Long> after = tokens();
    assertThat(after.keySet()).isEqualTo(before.keySet());
    assertThat(after.get("A1")).isNotEqualTo(before.get("A1"));
    after.remove("A1");
    before.remove("A1");
    assertThat(after).isEqualTo(before);
    assertThat(db.read(h -> a1Week(h, otherInstance)).n()).isEqualTo(2);
    assertEqualToFromScratch();
  }

  private Map<String, Long> tokens() {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery("SELECT agent_id, version FROM quality_agent_version")
                    .setMapKeyColumn("agent_id")
                    .setMapValueColumn("version")
                    .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, Long>>() {}));
  }

  @Test
  void weeksStartOnMondayUtc() {
    assertThat(QualityAggregates.weekStart(Fixture.at("2026-10-25T23:59:59Z")))
        .isEqualTo(Fixture.at("2026-10-19T00:00:00Z"));
    assertThat(QualityAggregates.weekStart(Fixture.at("2026-10-19T00:00:00Z")))
        .isEqualTo(Fixture.at("2026-10-19T00:00:00Z"));
  }
}
