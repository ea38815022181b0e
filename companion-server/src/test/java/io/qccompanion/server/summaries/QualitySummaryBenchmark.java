package io.qccompanion.server.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.bench.BenchTable;
import io.qccompanion.server.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Agent x week quality over the last 13 weeks at 1M evaluations on SQLite: the incrementally
 * maintained aggregate against the same figures computed from scratch over the covering index. Not
 * a timed test: it prints the figures recorded in docs/performance.md. Scale with {@code
 * -Dbench.evaluations} and {@code -Dbench.tickets}.
 */
@Tag("benchmark")
class QualitySummaryBenchmark {
  static final int TEAMS = 40;
  static final int AGENTS = 2000;
  static final int WEEKS = 52;
  static final int BATCH = 1000;
  static final long DAY = 86_400_000L;
  static final LocalDate LAST_SUNDAY = LocalDate.parse("2026-11-01");

  @Test
  void agentByWeekFromAggregateVersusFromScratch() throws Exception {
    int evaluations = Integer.getInteger("bench.evaluations", 1_000_000);
    int tickets = Integer.getInteger("bench.tickets", 2_000_000);
    // -Dbench.db=FILE keeps the generated database (and reuses it when it exists).
    String keep = System.getProperty("bench.db");
    Path file =
        keep != null ? Path.of(keep) : Files.createTempDirectory("qc-bench").resolve("bench.db");
    boolean reuse = Files.exists(file);
    try (Database db = Database.open("jdbc:sqlite:" + file, null, null)) {
      db.migrate();
      var aggregates = new QualityAggregates(db);
      if (!reuse) {
        long t0 = System.nanoTime();
        generate(db, tickets, evaluations);
        long t1 = System.nanoTime();
        aggregates.rebuild();
        long t2 = System.nanoTime();
        db.read(h -> h.execute("ANALYZE"));
        report(
            "generated %,d tickets and %,d evaluations in %.0f s; aggregate rebuild %.1f s"
                .formatted(tickets, evaluations, (t1 - t0) / 1e9, (t2 - t1) / 1e9));
      }
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

  private static void generate(Database db, int tickets, int evaluations) throws Exception {
    long now = Period.millis(LAST_SUNDAY.plusDays(1));
    long start = now - WEEKS * 7 * DAY;
    try (Connection c = db.dataSource().getConnection()) {
      try (var s = c.createStatement()) {
        s.execute("PRAGMA cache_size = -262144");
      }
      c.setAutoCommit(false);
      try (var s = c.createStatement()) {
        for (int t = 0; t < TEAMS; t++)
          s.execute("INSERT INTO teams VALUES ('team-%d', 'Team %d', 0)".formatted(t, t));
        for (int a = 0; a < AGENTS; a++)
          s.execute(
              "INSERT INTO agents (id, name, team_id, active, started_at, created_at)"
                  + " VALUES ('agent-%d', 'Agent %d', 'team-%d', 1, 0, 0)"
                      .formatted(a, a, a % TEAMS));
        for (int q = 0; q < 100; q++)
          s.execute(
              "INSERT INTO users (id, email, name, role, created_at)"
                  + " VALUES ('qc-%d', 'qc%d@x.test', 'QC %d', 'QC', 0)".formatted(q, q, q));
        s.execute(
            "INSERT INTO connections (id, name, host, base_url, auth_kind, secret_enc,"
                + " closed_statuses, options, start_from, interval_seconds, attribution, status,"
                + " created_at, updated_at) VALUES ('conn', 'acme', 'zendesk', 'https://x', 'token',"
                + " 'x', '[]', '{}', 0, 300, 'ASSIGNEE', 'ACTIVE', 0, 0)");
        s.execute(
            "INSERT INTO scorecards (id, name, draft, created_at, updated_at)"
                + " VALUES ('sc', 'Default', '{}', 0, 0)");
        s.execute(
            "INSERT INTO scorecard_versions (id, scorecard_id, version, definition, published_at)"
                + " VALUES ('scv', 'sc', 1, '{}', 0)");
      }
      c.commit();
      Random r = new Random(42);
      long span = now - start;
      int every = Math.max(1, tickets / evaluations);
      try (PreparedStatement t =
              c.prepareStatement(
                  "INSERT INTO tickets (id, connection_id, host, external_id, status, agent_id,"
                      + " team_id, created_at, updated_at, solved_at, reopen_count,"
                      + " handle_time_seconds, csat_rating, payload, ingested_at)"
                      + " VALUES (?, 'conn', 'zendesk', ?, 'closed', ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)");
          PreparedStatement e =
              c.prepareStatement(
                  "INSERT INTO evaluations (id, ticket_id, agent_id, team_id,"
                      + " scorecard_version_id, qc_id, kind, status, score, passed,"
                      + " critical_fail, answers, created_at, updated_at, submitted_at)"
                      + " VALUES (?, ?, ?, ?, 'scv', ?, 'REGULAR', 'SUBMITTED', ?, ?, ?, '[]', ?,"
                      + " ?, ?)")) {
        int evals = 0;
        for (int i = 0; i < tickets; i++) {
          int agent = r.nextInt(AGENTS);
          long solved = start + (long) (span * (i / (double) tickets));
          String id = "t%09d".formatted(i);
          t.setString(1, id);
          t.setString(2, Integer.toString(i));
          t.setString(3, "agent-" + agent);
          t.setString(4, "team-" + agent % TEAMS);
          t.setLong(5, solved - 3_600_000);
          t.setLong(6, solved);
          t.setLong(7, solved);
          t.setInt(8, r.nextInt(10) == 0 ? 1 : 0);
          t.setLong(9, 60 + r.nextInt(900));
          int csat = r.nextInt(10);
          t.setString(10, csat < 6 ? "UNOFFERED" : csat < 9 ? "GOOD" : "BAD");
          t.setLong(11, solved);
          t.addBatch();
          if (i % every == 0 && evals < evaluations) {
            evals++;
            long submitted = Math.min(now - 1, solved + r.nextInt((int) DAY));
            double score = r.nextInt(10) == 0 ? 0 : 60 + r.nextInt(41);
            e.setString(1, "e%09d".formatted(i));
            e.setString(2, id);
            e.setString(3, "agent-" + agent);
            e.setString(4, "team-" + agent % TEAMS);
            e.setString(5, "qc-" + r.nextInt(100));
            e.setDouble(6, score);
            e.setInt(7, score >= 90 ? 1 : 0);
            e.setInt(8, score == 0 ? 1 : 0);
            e.setLong(9, submitted);
            e.setLong(10, submitted);
            e.setLong(11, submitted);
            e.addBatch();
          }
          if ((i + 1) % BATCH == 0 || i == tickets - 1) {
            t.executeBatch();
            e.executeBatch();
            c.commit();
          }
          if ((i + 1) % 250_000 == 0) report("  ... %,d tickets".formatted(i + 1));
        }
      }
    }
  }
}
