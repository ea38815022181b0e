package io.qccompanion.server.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.bench.BenchTable;
import io.qccompanion.server.store.Database;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Agent x week quality over the last 13 weeks at 1M evaluations on SQLite: the incrementally
 * maintained aggregate against the same figures computed from scratch over the covering index. Not
 * a timed test: it prints the figures recorded in docs/performance.md. Data from {@link
 * SummaryData}: scale with {@code -Dbench.evaluations} and {@code -Dbench.tickets}, keep and reuse
 * the file with {@code -Dbench.summaryDb=FILE}.
 */
@Tag("benchmark")
class QualitySummaryBenchmark {
  static final LocalDate LAST_SUNDAY = SummaryData.LAST_SUNDAY;

  @Test
  void agentByWeekFromAggregateVersusFromScratch() throws Exception {
    try (Database db = Database.open(SummaryData.sqlite(), null, null)) {
      var aggregates = new QualityAggregates(db);
      Period period = new Period(LAST_SUNDAY.minusWeeks(13).plusDays(1), LAST_SUNDAY);
      List<Period.Slot> slots = period.slots(Bucket.WEEK);
      Scope oneTeam = Scope.ALL.withTeam("team-0");
      var queries = new QualityQueries();
      Map<Cell, QualityStats> fromAggregate =
          db.read(h -> aggregates.read(h, Scope.ALL, GroupBy.AGENT, slots));
      Map<Cell, QualityStats> fromScratch =
          db.read(h -> queries.grouped(h, Scope.ALL, GroupBy.AGENT, slots));
      assertThat(fromAggregate).isEqualTo(fromScratch);

      double[] teamAgg =
          time(() -> db.read(h -> aggregates.read(h, oneTeam, GroupBy.AGENT, slots)));
      double[] teamRaw =
          time(() -> db.read(h -> queries.grouped(h, oneTeam, GroupBy.AGENT, slots)));
      double[] orgAgg =
          time(() -> db.read(h -> aggregates.read(h, Scope.ALL, GroupBy.AGENT, slots)));
      double[] orgRaw =
          time(() -> db.read(h -> queries.grouped(h, Scope.ALL, GroupBy.AGENT, slots)));
      double[] teamRows =
          time(() -> db.read(h -> aggregates.readRows(h, oneTeam, GroupBy.AGENT, slots)));
      double[] orgRows =
          time(() -> db.read(h -> aggregates.readRows(h, Scope.ALL, GroupBy.AGENT, slots)));
      line("one team (50 agents) agent x week, 13 weeks, aggregate uncached", teamRows, teamRaw);
      line(
          "organisation (2,000 agents) agent x week, 13 weeks, aggregate uncached",
          orgRows,
          orgRaw);
      line("one team (50 agents) agent x week, 13 weeks", teamAgg, teamRaw);
      line("organisation (2,000 agents) agent x week, 13 weeks", orgAgg, orgRaw);

      long applyStart = System.nanoTime();
      List<String> ids =
          db.read(
              h ->
                  h.createQuery("SELECT id FROM evaluations ORDER BY id LIMIT 1000")
                      .mapTo(String.class)
                      .list());
      db.run(h -> ids.forEach(id -> aggregates.apply(h, id)));
      report(
          "re-applying 1,000 evaluations to the aggregate: %.3f ms per evaluation"
              .formatted((System.nanoTime() - applyStart) / 1e6 / 1000));
    }
  }

  private static void line(String what, double[] agg, double[] raw) {
    BenchTable.row(
        what,
        "aggregate p50 %.2f ms · p95 %.2f ms".formatted(agg[0], agg[1]),
        "from scratch p50 %.2f ms · p95 %.2f ms".formatted(raw[0], raw[1]),
        "p95 %.1f× faster".formatted(raw[1] / agg[1]));
  }

  private static void report(String text) {
    System.out.println("[benchmark] " + text);
  }

  private static double[] time(Supplier<?> query) {
    for (int i = 0; i < 20; i++) query.get();
    double[] ms = new double[60];
    for (int i = 0; i < ms.length; i++) {
      long s = System.nanoTime();
      query.get();
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1]};
  }
}
