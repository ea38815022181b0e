package io.qccompanion.server.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.bench.BenchTable;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.testing.TestDatabases;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The uncached agent x week aggregate read on SQLite and on embedded PostgreSQL in the same run,
 * over the rows 1,000,000 evaluations leave in {@code agent_week_quality}: 2,000 agents in 40
 * teams, one row per agent and week for 52 weeks (104,000 rows). The aggregate read touches only
 * this table, so it is filled directly; {@link QualitySummaryBenchmark} builds the same from real
 * evaluations on SQLite and times the from-scratch query next to it.
 */
@Tag("benchmark")
class AggregateReadBenchmark {
  static final int TEAMS = QualitySummaryBenchmark.TEAMS;
  static final int AGENTS = QualitySummaryBenchmark.AGENTS;
  static final int WEEKS = QualitySummaryBenchmark.WEEKS;
  static final LocalDate LAST_SUNDAY = QualitySummaryBenchmark.LAST_SUNDAY;

  @Test
  void organisationAndTeamOnSqliteAndPostgres() throws Exception {
    String sqlite = "jdbc:sqlite:" + Files.createTempDirectory("qc-bench-agg").resolve("agg.db");
    String postgres = TestDatabases.freshPostgresDatabase();
    Map<Cell, QualityStats> first = null;
    for (String url : List.of(sqlite, postgres)) {
      String name = url.startsWith("jdbc:sqlite:") ? "SQLite" : "PostgreSQL";
      try (Database db = Database.open(url, null, null)) {
        db.migrate();
        fill(db);
        var aggregates = new QualityAggregates(db);
        Period period = new Period(LAST_SUNDAY.minusWeeks(13).plusDays(1), LAST_SUNDAY);
        List<Period.Slot> slots = period.slots(Bucket.WEEK);
        Scope oneTeam = Scope.ALL.withTeam("team-0");
        var org = db.read(h -> aggregates.readRows(h, Scope.ALL, GroupBy.AGENT, slots));
        assertThat(org).hasSize(AGENTS * 13);
        if (first == null) first = org;
        else assertThat(org).as("same answer on both databases").isEqualTo(first);
        double[] team =
            time(() -> db.read(h -> aggregates.readRows(h, oneTeam, GroupBy.AGENT, slots)));
        double[] all =
            time(() -> db.read(h -> aggregates.readRows(h, Scope.ALL, GroupBy.AGENT, slots)));
        report(name, "one team (50 agents)", team, 10);
        report(name, "organisation (2,000 agents)", all, 20);
      }
    }
  }

  private static void report(String db, String what, double[] ms, double goal) {
    BenchTable.row(
        db + " agent x week, 13 weeks, " + what + ", aggregate uncached (104,000 rows)",
        String.format(Locale.ROOT, "p50 %.2f ms · p95 %.2f ms", ms[0], ms[1]),
        "",
        String.format(Locale.ROOT, "goal p95 ≤ %.0f ms", goal));
  }

  private static double[] time(Supplier<?> query) {
    for (int i = 0; i < 30; i++) query.get();
    double[] ms = new double[100];
    for (int i = 0; i < ms.length; i++) {
      long s = System.nanoTime();
      query.get();
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1]};
  }

  private static void fill(Database db) throws Exception {
    long firstWeek = Period.millis(LAST_SUNDAY.plusDays(1)) - WEEKS * 7 * 86_400_000L;
    var r = new Random(42);
    try (Connection c = db.dataSource().getConnection()) {
      c.setAutoCommit(false);
      try (var s =
          c.prepareStatement(
              "INSERT INTO agent_week_quality (week_start, team_id, agent_id, n, score_sum,"
                  + " passed_n, critical_n, band0_n, band1_n, band2_n, band3_n, band4_n)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int w = 0; w < WEEKS; w++) {
          for (int a = 0; a < AGENTS; a++) {
            int n = 5 + r.nextInt(10);
            s.setLong(1, firstWeek + w * 7 * 86_400_000L);
            s.setString(2, "team-" + a % TEAMS);
            s.setString(3, "agent-" + a);
            s.setLong(4, n);
            s.setDouble(5, n * (60 + r.nextInt(40)));
            s.setLong(6, r.nextInt(n + 1));
            s.setLong(7, r.nextInt(2));
            for (int b = 0; b < 5; b++) s.setLong(8 + b, n / 5);
            s.addBatch();
          }
          s.executeBatch();
          c.commit();
        }
      }
      try (var s = c.createStatement()) {
        s.execute("ANALYZE");
      }
      c.commit();
    }
  }
}
