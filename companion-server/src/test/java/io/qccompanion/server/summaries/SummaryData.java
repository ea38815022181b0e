package io.qccompanion.server.summaries;

import io.qccompanion.server.store.Database;
import io.qccompanion.server.testing.TestDatabases;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The summary benchmarks' data, generated fast: 40 teams, 2,000 agents, 100 QCs, one published
 * scorecard of five criteria, {@code tickets} closed tickets over 52 weeks with a sampling decision
 * each, and {@code evaluations} REGULAR evaluations (every n-th ticket, 3 % of them disputed,
 * amended or upheld) with five answer rows and the answers JSON. Rows go straight in with one
 * reused prepared statement per table and a commit every {@link #BATCH} tickets on SQLite
 * (synchronous=OFF while generating), COPY on PostgreSQL; the secondary indexes of the four big
 * tables are dropped first and created again from their own definitions at the end (sorting once is
 * much cheaper than keeping nine b-trees in random order), then the agent x week aggregate is
 * rebuilt and ANALYZE runs. {@code -Dbench.summaryDb=FILE} keeps the SQLite file and reuses it,
 * {@code -Dbench.summaryPg=DIR} the PostgreSQL data directory.
 */
final class SummaryData {
  static final int TEAMS = 40;
  static final int AGENTS = 2000;
  static final int QCS = 100;
  static final int WEEKS = 52;
  static final int BATCH = 2000;
  static final long DAY = 86_400_000L;
  static final LocalDate LAST_SUNDAY = LocalDate.parse("2026-11-01");
  static final List<String> TABLES =
      List.of("tickets", "sample_decisions", "evaluations", "evaluation_answers");
  private static final String[] CRITERIA = {
    "Greeting", "Identified the issue", "Correct answer", "Tone", "Data protection"
  };
  private static final String[] CAUSES = {"KNOWLEDGE", "PROCESS", "TOOLING", "BEHAVIOUR"};

  private SummaryData() {}

  static int tickets() {
    return Integer.getInteger("bench.tickets", 2_000_000);
  }

  static int evaluations() {
    return Integer.getInteger("bench.evaluations", 1_000_000);
  }

  /** The SQLite URL of the data: {@code -Dbench.summaryDb} (kept, reused) or a temporary file. */
  static String sqlite() throws Exception {
    String keep = System.getProperty("bench.summaryDb", System.getProperty("bench.db"));
    Path file =
        keep != null ? Path.of(keep) : Files.createTempDirectory("qc-bench").resolve("summary.db");
    String url = "jdbc:sqlite:" + file;
    if (Files.exists(file) && count(url) > 0) {
      report("reusing %s (%,d evaluations)".formatted(file, count(url)));
      return url;
    }
    generate(url);
    return url;
  }

  /**
   * A generated PostgreSQL database: a new one on the shared embedded server, or with {@code
   * -Dbench.summaryPg=DIR} an embedded server whose data directory is kept there and reused.
   */
  static String postgres() throws Exception {
    String keep = System.getProperty("bench.summaryPg");
    if (keep == null) {
      String url = TestDatabases.freshPostgresDatabase();
      generate(url);
      return url;
    }
    var server =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setDataDirectory(Path.of(keep))
            .setCleanDataDirectory(false)
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (java.io.IOException ignored) {
                    // the JVM is exiting
                  }
                }));
    String url = server.getJdbcUrl("postgres", "postgres");
    if (count(url) > 0)
      report("reusing PostgreSQL in %s (%,d evaluations)".formatted(keep, count(url)));
    else generate(url);
    return url;
  }

  private static long count(String url) {
    try (Database db = Database.open(url, null, null)) {
      db.migrate();
      return db.read(
          h -> h.createQuery("SELECT count(*) FROM evaluations").mapTo(Long.class).one());
    }
  }

  /** Migrates and fills the database; prints and returns the seconds it took. */
  static double generate(String url) throws Exception {
    int tickets = tickets();
    int evaluations = evaluations();
    long t0 = System.nanoTime();
    // statement timeout off: index builds and the aggregate rebuild outlast 30 s on PostgreSQL
    try (Database db = Database.open(url, null, null, Duration.ofHours(6))) {
      db.migrate();
      boolean postgres = !url.startsWith("jdbc:sqlite:");
      try (Connection c = db.dataSource().getConnection()) {
        List<String> indexes = dropIndexes(c, postgres);
        try (var s = c.createStatement()) {
          if (postgres) {
            s.execute("SET session_replication_role = replica"); // no FK triggers while loading
            s.execute("SET synchronous_commit = off");
          } else {
            s.execute("PRAGMA foreign_keys = OFF");
            s.execute("PRAGMA synchronous = OFF");
            s.execute("PRAGMA cache_size = -262144");
          }
        }
        c.setAutoCommit(false);
        fill(c, postgres, tickets, evaluations);
        c.commit();
        long t1 = System.nanoTime();
        try (var s = c.createStatement()) {
          for (String sql : indexes) s.execute(sql);
          c.commit();
          c.setAutoCommit(true);
          if (postgres) {
            s.execute("RESET session_replication_role");
            s.execute("RESET synchronous_commit");
          } else {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA synchronous = NORMAL");
          }
        }
        long t2 = System.nanoTime();
        new QualityAggregates(db).rebuild();
        new TicketKpis(db).rebuild();
        // VACUUM on PostgreSQL also sets the visibility map that index-only scans need
        db.read(h -> h.execute(postgres ? "VACUUM ANALYZE" : "ANALYZE"));
        long t3 = System.nanoTime();
        report(
            ("generated %,d tickets, %,d decisions, %,d evaluations and %,d answers on %s in"
                    + " %.0f s: rows %.0f s, %d indexes %.0f s, aggregate and ticket roll-up rebuilds + %s %.0f s")
                .formatted(
                    tickets,
                    tickets,
                    evaluations,
                    evaluations * CRITERIA.length,
                    postgres ? "PostgreSQL" : "SQLite",
                    (t3 - t0) / 1e9,
                    (t1 - t0) / 1e9,
                    indexes.size(),
                    (t2 - t1) / 1e9,
                    postgres ? "VACUUM ANALYZE" : "ANALYZE",
                    (t3 - t2) / 1e9));
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Drops the secondary indexes of {@link #TABLES}; returns the statements that recreate them. */
  private static List<String> dropIndexes(Connection c, boolean postgres) throws SQLException {
    String tables = "'" + String.join("', '", TABLES) + "'";
    String sql =
        postgres
            ? "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = current_schema()"
                + " AND tablename IN ("
                + tables
                + ") AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)"
            : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                + " AND tbl_name IN ("
                + tables
                + ")";
    List<String[]> found = new ArrayList<>();
    try (var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      while (rs.next()) found.add(new String[] {rs.getString(1), rs.getString(2)});
    }
    List<String> recreate = new ArrayList<>();
    try (var s = c.createStatement()) {
      for (String[] index : found) {
        s.execute("DROP INDEX " + index[0]);
        recreate.add(index[1]);
      }
    }
    return recreate;
  }

  private static void fill(Connection c, boolean postgres, int tickets, int evaluations)
      throws SQLException {
    long now = Period.millis(LAST_SUNDAY.plusDays(1));
    long start = now - WEEKS * 7 * DAY;
    try (var s = c.createStatement()) {
      for (int t = 0; t < TEAMS; t++)
        s.execute(
            "INSERT INTO teams (id, name, created_at) VALUES ('team-%d', 'Team %d', 0)"
                .formatted(t, t));
      for (int a = 0; a < AGENTS; a++)
        s.execute(
            ("INSERT INTO agents (id, name, team_id, active, started_at, created_at)"
                    + " VALUES ('agent-%d', 'Agent %d', 'team-%d', 1, 0, 0)")
                .formatted(a, a, a % TEAMS));
      for (int q = 0; q < QCS; q++)
        s.execute(
            ("INSERT INTO users (id, email, name, role, created_at)"
                    + " VALUES ('qc-%d', 'qc%d@x.test', 'QC %d', 'QC', 0)")
                .formatted(q, q, q));
      s.execute(
          "INSERT INTO connections (id, name, host, base_url, auth_kind, secret_enc,"
              + " closed_statuses, options, start_from, interval_seconds, attribution, status,"
              + " created_at, updated_at) VALUES ('conn', 'acme', 'zendesk', 'https://x', 'API_TOKEN',"
              + " 'x', '[]', '{}', 0, 300, 'ASSIGNEE_AT_SOLVE', 'ACTIVE', 0, 0)");
      s.execute(
          "INSERT INTO scorecards (id, name, draft, pass_mark, created_at, updated_at)"
              + " VALUES ('sc', 'Default', '{}', 80, 0, 0)");
      s.execute(
          "INSERT INTO scorecard_versions (id, scorecard_id, version, definition, published_at)"
              + " VALUES ('scv', 'sc', 1, '{}', 0)");
    }
    Rows ticketRows =
        Rows.of(
            c,
            postgres,
            "tickets",
            "id, connection_id, host, external_id, subject, status, channel, priority, agent_id,"
                + " team_id, created_at, updated_at, solved_at, reopen_count, reply_count,"
                + " handle_time_seconds, first_reply_minutes, resolution_minutes, csat_rating,"
                + " csat_score, url, payload, ingested_at");
    Rows decisionRows =
        Rows.of(
            c,
            postgres,
            "sample_decisions",
            "id, ticket_id, agent_id, team_id, selected, tier, reasons, assigned_qc_id, due_at,"
                + " status, week_start, decided_at, draw, inclusion_probability");
    Rows evaluationRows =
        Rows.of(
            c,
            postgres,
            "evaluations",
            "id, ticket_id, agent_id, team_id, scorecard_version_id, qc_id, kind, status, score,"
                + " passed, critical_fail, answers, created_at, updated_at, submitted_at");
    Rows answerRows =
        Rows.of(
            c,
            postgres,
            "evaluation_answers",
            "evaluation_id, criterion_id, section, criterion, points, max_points, not_applicable,"
                + " failed, critical, root_causes");
    List<Rows> all = List.of(ticketRows, decisionRows, evaluationRows, answerRows);
    Random r = new Random(42);
    long span = now - start;
    int every = Math.max(1, tickets / Math.max(1, evaluations));
    double probability = 1.0 / every;
    int evals = 0;
    long began = System.nanoTime();
    for (int i = 0; i < tickets; i++) {
      int agent = r.nextInt(AGENTS);
      String agentId = "agent-" + agent;
      String teamId = "team-" + agent % TEAMS;
      long solved = start + (long) (span * (i / (double) tickets));
      String id = "t%09d".formatted(i);
      int csat = r.nextInt(10);
      int replies = 1 + r.nextInt(4);
      ticketRows.add(
          id,
          "conn",
          "zendesk",
          Long.toString(10_000_000L + i), // same digit count: the unique index fills in order
          "Order " + (10_000_000L + i) + " arrived damaged",
          "closed",
          "email",
          "normal",
          agentId,
          teamId,
          solved - 3_600_000,
          solved,
          solved,
          r.nextInt(10) == 0 ? 1 : 0,
          replies,
          60 + r.nextInt(900),
          5 + r.nextInt(240),
          60,
          csat < 6 ? "UNOFFERED" : csat < 9 ? "GOOD" : "BAD",
          csat < 6 ? null : csat < 9 ? 1 : 0,
          "https://acme.zendesk.com/agent/tickets/" + (10_000_000L + i),
          "{\"tags\":[\"delivery\"],\"requesterId\":\"9%d\",\"customFields\":{}}".formatted(i),
          solved);
      boolean evaluated = i % every == 0 && evals < evaluations;
      String qc = "qc-" + r.nextInt(QCS);
      decisionRows.add(
          "d%09d".formatted(i),
          id,
          agentId,
          teamId,
          evaluated ? 1 : 0,
          "STANDARD",
          evaluated ? "[\"random\"]" : "[]",
          evaluated ? qc : null,
          evaluated ? solved + 3 * DAY : null,
          evaluated ? "DONE" : "SKIPPED",
          QualityAggregates.weekStart(solved),
          solved + 60_000,
          r.nextDouble(),
          probability);
      if (evaluated) {
        evals++;
        evaluation(
            evaluationRows,
            answerRows,
            r,
            "e%09d".formatted(i),
            id,
            agentId,
            teamId,
            qc,
            Math.min(now - 1, solved + r.nextInt((int) DAY)));
      }
      if ((i + 1) % BATCH == 0 || i == tickets - 1) {
        for (Rows rows : all) rows.flush();
        c.commit();
      }
      if ((i + 1) % 200_000 == 0)
        report(
            "  ... %,d tickets, %,d evaluations, %.0f s"
                .formatted(i + 1, evals, (System.nanoTime() - began) / 1e9));
    }
    for (Rows rows : all) rows.close();
  }

  /** One evaluation and its five answers, the score computed from them like the scorecard. */
  private static void evaluation(
      Rows evaluationRows,
      Rows answerRows,
      Random r,
      String id,
      String ticketId,
      String agentId,
      String teamId,
      String qc,
      long submitted)
      throws SQLException {
    double points = 0;
    double max = 0;
    boolean critical = false;
    StringBuilder json = new StringBuilder("[");
    for (int k = 0; k < CRITERIA.length; k++) {
      boolean na = k == 1 && r.nextInt(20) == 0;
      int roll = r.nextInt(100);
      double got = na ? 0 : roll < 8 ? 0 : roll < 25 ? 10 : 20;
      boolean failed = !na && got == 0;
      boolean isCritical = k == CRITERIA.length - 1;
      if (failed && isCritical) critical = true;
      if (!na) {
        points += got;
        max += 20;
      }
      String causes = failed ? "[\"" + CAUSES[r.nextInt(CAUSES.length)] + "\"]" : "[]";
      answerRows.add(
          id,
          "c" + (k + 1),
          k < 2 ? "Opening" : "Resolution",
          CRITERIA[k],
          na ? null : got,
          20.0,
          na ? 1 : 0,
          failed ? 1 : 0,
          isCritical ? 1 : 0,
          causes);
      if (k > 0) json.append(',');
      json.append("{\"criterionId\":\"c")
          .append(k + 1)
          .append("\",\"answer\":\"")
          .append(na ? "N/A" : got == 20 ? "YES" : got == 10 ? "PARTLY" : "NO")
          .append("\",\"rootCauses\":")
          .append(causes)
          .append(",\"comment\":null}");
    }
    // multiples of 2.5 or 12.5: exact in binary, so every summation order gives the same sums
    double score = critical || max == 0 ? 0 : 100.0 * points / max;
    int roll = r.nextInt(100);
    String status =
        roll < 97 ? "SUBMITTED" : roll == 97 ? "DISPUTED" : roll == 98 ? "AMENDED" : "UPHELD";
    evaluationRows.add(
        id,
        ticketId,
        agentId,
        teamId,
        "scv",
        qc,
        "REGULAR",
        status,
        score,
        score >= 80 ? 1 : 0,
        critical ? 1 : 0,
        json.append(']').toString(),
        submitted - 600_000,
        submitted,
        submitted);
  }

  /**
   * Rows of one table: a reused prepared statement batch (SQLite) or CSV text for COPY
   * (PostgreSQL), sent by {@link #flush}.
   */
  private abstract static class Rows implements AutoCloseable {
    abstract void add(Object... values) throws SQLException;

    abstract void flush() throws SQLException;

    static Rows of(Connection c, boolean postgres, String table, String columns)
        throws SQLException {
      int n = columns.split(",").length;
      if (postgres)
        return new Copy(c, "COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)");
      String marks = String.join(", ", java.util.Collections.nCopies(n, "?"));
      return new Batch(
          c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")"));
    }

    @Override
    public void close() throws SQLException {
      flush();
    }
  }

  private static final class Batch extends Rows {
    private final PreparedStatement statement;
    private int pending;

    Batch(PreparedStatement statement) {
      this.statement = statement;
    }

    @Override
    void add(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) statement.setObject(i + 1, values[i]);
      statement.addBatch();
      pending++;
    }

    @Override
    void flush() throws SQLException {
      if (pending > 0) statement.executeBatch();
      pending = 0;
    }

    @Override
    public void close() throws SQLException {
      super.close();
      statement.close();
    }
  }

  private static final class Copy extends Rows {
    private final org.postgresql.copy.CopyManager copy;
    private final String sql;
    private final StringBuilder csv = new StringBuilder(1 << 20);

    Copy(Connection c, String sql) throws SQLException {
      this.copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
      this.sql = sql;
    }

    @Override
    void add(Object... values) {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) csv.append(',');
        Object v = values[i];
        if (v instanceof String s) csv.append('"').append(s.replace("\"", "\"\"")).append('"');
        else if (v != null) csv.append(v);
      }
      csv.append('\n');
    }

    @Override
    void flush() throws SQLException {
      if (csv.length() == 0) return;
      try {
        copy.copyIn(sql, new StringReader(csv.toString()));
      } catch (java.io.IOException e) {
        throw new SQLException(e);
      }
      csv.setLength(0);
    }
  }

  static void report(String text) {
    System.out.println("[benchmark] " + text);
  }
}
