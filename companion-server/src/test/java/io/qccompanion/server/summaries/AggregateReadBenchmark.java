package io.qccompanion.server.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.bench.BenchTable;
import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.server.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Agent x week quality over 13 weeks at 1M evaluations ({@link SummaryData}: 2M tickets, 1M
 * evaluations with answers, 2M sampling decisions) on SQLite and on embedded PostgreSQL in the same
 * run: the uncached aggregate read (next to the same figures computed from scratch), what each part
 * of the whole summary costs, and {@code GET /api/v1/summaries?groupBy=agent&bucket=week} through
 * the real server (next to {@code GET /health} on it), uncached: before every request one agent
 * token changes, as every evaluation write does. Both databases must give the same answer. Options:
 * {@code -Dbench.summaryDb=FILE} (keep/reuse the SQLite data), {@code -Dbench.summaryRuns=20}.
 */
@Tag("benchmark")
class AggregateReadBenchmark {
  static final LocalDate LAST_SUNDAY = SummaryData.LAST_SUNDAY;
  static final int RUNS = Integer.getInteger("bench.summaryRuns", 20);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void organisationAndTeamOnSqliteAndPostgres() throws Exception {
    Period period = new Period(LAST_SUNDAY.minusWeeks(13).plusDays(1), LAST_SUNDAY);
    List<Period.Slot> slots = period.slots(Bucket.WEEK);
    Scope oneTeam = Scope.ALL.withTeam("team-0");
    Map<Cell, QualityStats> first = null;
    for (String name : List.of("SQLite", "PostgreSQL")) {
      String url = name.equals("SQLite") ? SummaryData.sqlite() : SummaryData.postgres();
      try (Database db = Database.open(url, null, null)) {
        // a data set kept from before V230 has every cell pending: the first fold after an upgrade
        long foldStart = System.nanoTime();
        int folded = new TicketKpis(db).catchUp();
        if (folded > 0)
          BenchTable.row(
              name + " first ticket roll-up fold (upgrade to V230)",
              String.format(
                  Locale.ROOT,
                  "%,d cells in %.1f s",
                  folded,
                  (System.nanoTime() - foldStart) / 1e9),
              "",
              "");
        var aggregates = new QualityAggregates(db);
        var queries = new QualityQueries();
        var org = db.read(h -> aggregates.readRows(h, Scope.ALL, GroupBy.AGENT, slots));
        assertThat(org).isNotEmpty(); // 2,000 agents x 13 weeks = 26,000 cells at 1M
        assertThat(org)
            .as("aggregate equals from scratch")
            .isEqualTo(db.read(h -> queries.grouped(h, Scope.ALL, GroupBy.AGENT, slots)));
        if (first == null) first = org;
        else assertThat(org).as("same answer on both databases").isEqualTo(first);

        double[] team =
            time(50, () -> db.read(h -> aggregates.readRows(h, oneTeam, GroupBy.AGENT, slots)));
        double[] teamRaw =
            time(10, () -> db.read(h -> queries.grouped(h, oneTeam, GroupBy.AGENT, slots)));
        double[] all =
            time(50, () -> db.read(h -> aggregates.readRows(h, Scope.ALL, GroupBy.AGENT, slots)));
        double[] allRaw =
            time(10, () -> db.read(h -> queries.grouped(h, Scope.ALL, GroupBy.AGENT, slots)));
        double[] allColumns = time(50, () -> db.read(h -> columnByColumn(h, slots)));
        Map<Cell, QualityStats> columns = db.read(h -> columnByColumn(h, slots));
        assertThat(columns).isEqualTo(org);
        row(name + " aggregate read, one team (50 agents)", team, "from scratch", teamRaw, 10);
        row(name + " aggregate read, organisation (2,000 agents)", all, "from scratch", allRaw, 20);
        row(
            name + " aggregate read, organisation, as in session 3",
            allColumns,
            "from scratch",
            allRaw,
            20);
        parts(name, db, period, slots);
        http(name, url, period);
      }
    }
  }

  /** The session-3 read for comparison: eleven columns a row, each value read on its own. */
  private static Map<Cell, QualityStats> columnByColumn(
      org.jdbi.v3.core.Handle h, List<Period.Slot> slots) {
    long[] starts = slots.stream().mapToLong(Period.Slot::startMillis).toArray();
    Map<Cell, QualityStats> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT q.week_start, q.agent_id, q.n, q.score_sum, q.passed_n, q.critical_n,"
                + " q.band0_n, q.band1_n, q.band2_n, q.band3_n, q.band4_n"
                + " FROM agent_week_quality q WHERE q.week_start >= :from AND q.week_start < :to")
        .bind("from", starts[0])
        .bind("to", slots.get(slots.size() - 1).endMillis())
        .scanResultSet(
            (rsSupplier, ctx) -> {
              java.sql.ResultSet rs = rsSupplier.get();
              while (rs.next()) {
                int slot = Arrays.binarySearch(starts, rs.getLong(1));
                if (slot < 0) slot = -slot - 2;
                long[] b = new long[5];
                for (int i = 0; i < 5; i++) b[i] = rs.getLong(7 + i);
                var stats =
                    new QualityStats(
                        rs.getLong(3), rs.getDouble(4), rs.getLong(5), rs.getLong(6), b);
                out.merge(new Cell(rs.getString(2), slot), stats, QualityStats::plus);
              }
              return null;
            });
    return out;
  }

  /** Each query the whole organisation-wide agent x week summary runs, timed on its own. */
  private static void parts(String name, Database db, Period period, List<Period.Slot> slots)
      throws Exception {
    var tickets = new TicketQueries();
    var rollUp = new TicketKpis(db);
    Map<Cell, TicketStats> rolledUp = db.read(h -> rollUp.read(h, Scope.ALL, GroupBy.AGENT, slots));
    Map<Cell, TicketStats> fromScratch =
        db.read(h -> tickets.grouped(h, Scope.ALL, GroupBy.AGENT, slots));
    assertThat(rolledUp).as("ticket roll-up equals from scratch").isEqualTo(fromScratch);
    List<Period.Slot> whole = period.slots(Bucket.NONE);
    var weighted = new WeightedQueries();
    var insights = new Insights();
    Map<String, Callable<?>> parts = new LinkedHashMap<>();
    parts.put(
        "ticket KPIs from scratch (agent x week)",
        () -> db.read(h -> tickets.grouped(h, Scope.ALL, GroupBy.AGENT, slots)));
    parts.put(
        "ticket KPIs from the roll-up (agent x week)",
        () -> db.read(h -> rollUp.read(h, Scope.ALL, GroupBy.AGENT, slots)));
    parts.put(
        "ticket KPIs from the roll-up (period total)",
        () -> db.read(h -> rollUp.read(h, Scope.ALL, GroupBy.NONE, whole)));
    parts.put(
        "weighted quality", () -> db.read(h -> weighted.estimates(h, Scope.ALL, period, false)));
    parts.put(
        "top failing criteria",
        () -> db.read(h -> insights.topFailingCriteria(h, Scope.ALL, period, 10)));
    parts.put("root causes", () -> db.read(h -> insights.rootCauses(h, Scope.ALL, period)));
    parts.put("disputes", () -> db.read(h -> insights.disputes(h, Scope.ALL, period)));
    parts.put("calibration", () -> db.read(h -> insights.calibration(h, Scope.ALL, period)));
    parts.put("sampling", () -> db.read(h -> insights.sampling(h, Scope.ALL, period)));
    StringBuilder out = new StringBuilder();
    for (var part : parts.entrySet()) {
      double[] ms = time(3, part.getValue());
      if (out.length() > 0) out.append(" · ");
      out.append(String.format(Locale.ROOT, "%s %.0f", part.getKey(), ms[0]));
    }
    BenchTable.row(name + " organisation summary, each part's p50 in ms", out.toString(), "", "");
  }

  /** The summary route, uncached, against {@code /health} on the same server. */
  private static void http(String name, String url, Period period) throws Exception {
    var config =
        CompanionConfig.newBuilder()
            .host("127.0.0.1")
            .port(0)
            .databaseUrl(url)
            .secretKey(Base64.getEncoder().encodeToString(new byte[32]))
            .schedulers(false)
            .build();
    var app = new CompanionApp(config, Clock.systemUTC());
    try {
      app.start();
      String admin = "bench-admin-" + System.nanoTime();
      String token =
          app.db()
              .write(
                  h -> {
                    h.createUpdate(
                            "INSERT INTO users (id, email, name, role, created_at)"
                                + " VALUES (:id, :email, 'Bench Admin', 'ADMIN', 0)")
                        .bind("id", admin)
                        .bind("email", admin + "@x.test")
                        .execute();
                    return app.tokens().create(h, admin, "bench").token();
                  });
      String base = "http://127.0.0.1:" + app.port();
      String summary =
          base
              + "/api/v1/summaries?groupBy=agent&bucket=week&from="
              + period.from()
              + "&to="
              + period.to();
      Callable<?> health = () -> get(base + "/health", null);
      double[] healthMs = time(RUNS, health);
      for (String scope : List.of("one team", "organisation")) {
        String path = scope.equals("one team") ? summary + "&teamId=team-0" : summary;
        double[] ms =
            time(
                RUNS,
                () -> {
                  // as every evaluation write does: the answer cache misses
                  app.db()
                      .run(
                          h ->
                              h.createUpdate(
                                      "INSERT INTO quality_agent_version (agent_id, version)"
                                          + " VALUES ('*', :v) ON CONFLICT (agent_id)"
                                          + " DO UPDATE SET version = excluded.version")
                                  .bind("v", ThreadLocalRandom.current().nextLong(1L << 40))
                                  .execute());
                  long start = System.nanoTime();
                  get(path, token);
                  return new Took(System.nanoTime() - start);
                });
        row(
            name + " GET /api/v1/summaries agent x week, " + scope + ", uncached",
            ms,
            "GET /health",
            healthMs,
            scope.equals("one team") ? 10 : 20);
      }
    } finally {
      app.close();
    }
  }

  private static long get(String url, String token) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) request.header("Authorization", "Bearer " + token);
    var answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (answer.statusCode() != 200)
      throw new AssertionError(url + ": " + answer.statusCode() + " " + new String(answer.body()));
    return answer.body().length;
  }

  private static void row(String what, double[] ms, String baseline, double[] base, double goal) {
    BenchTable.row(
        what,
        String.format(Locale.ROOT, "p50 %.2f ms · p95 %.2f ms", ms[0], ms[1]),
        String.format(Locale.ROOT, "%s p50 %.2f ms · p95 %.2f ms", baseline, base[0], base[1]),
        String.format(Locale.ROOT, "goal p95 ≤ %.0f ms", goal));
  }

  /** What a call that times itself returns (the HTTP rows leave their cache-busting write out). */
  private record Took(long nanos) {}

  /** p50 and p95 of {@code runs} calls after a few warm-up calls. */
  private static double[] time(int runs, Callable<?> call) throws Exception {
    for (int i = 0; i < Math.max(2, runs / 5); i++) call.call();
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      Object result = call.call();
      ms[i] = (result instanceof Took t ? t.nanos() : System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1]};
  }
}
