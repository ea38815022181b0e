package io.qccompanion.server.summaries;

import io.qccompanion.server.store.Database;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * The ticket x week roll-up ({@code ticket_week_kpis}): per week, team and agent of solved tickets
 * the counts and sums of {@link TicketStats} and every handle time, so a summary reads about one
 * row per agent and week instead of every ticket, with the same exact nearest-rank percentiles.
 *
 * <p>Database triggers append the cell of every write that can change one ({@code
 * ticket_kpi_changes}: a ticket's week, team, agent, CSAT, reopens or handle time; an evaluation
 * starting or stopping to count). {@link #catchUp} folds those cells back in, recomputing each from
 * its tickets. It runs before a summary is read, so what it shows is exact, and every minute, so
 * the read seldom has much to do. Several instances may fold at once: a fold claims committed
 * change rows with {@code FOR UPDATE SKIP LOCKED} and locks each cell's row before recomputing it,
 * so the last fold of a cell sees every change committed before it.
 */
final class TicketKpis {
  /**
   * Change rows claimed per transaction: at ≈ 0.45 ms a cell on SQLite a batch holds the one writer
   * for at most ≈ 0.5 s, so submits and sync pages wait little even during a first fold.
   */
  static final int BATCH = 1_000;

  private final Database db;

  TicketKpis(Database db) {
    this.db = db;
  }

  /** Folds every committed change in; returns the cells recomputed. */
  int catchUp() {
    boolean pending =
        db.read(
            h ->
                h.createQuery("SELECT 1 FROM ticket_kpi_changes LIMIT 1")
                    .mapTo(Integer.class)
                    .findOne()
                    .isPresent());
    int cells = 0;
    while (pending) {
      int[] folded = db.write(h -> fold(h, BATCH));
      cells += folded[1];
      pending = folded[0] == BATCH;
    }
    return cells;
  }

  /** Recomputes every cell from the tickets (benchmark data loads, repairs). */
  int rebuild() {
    db.run(
        h -> {
          h.execute("DELETE FROM ticket_week_kpis");
          h.execute("DELETE FROM ticket_kpi_changes");
          h.createUpdate(
                  """
                  INSERT INTO ticket_kpi_changes (week_start, team_id, agent_id)
                  SELECT DISTINCT solved_at - (((solved_at + :shift) % :week) + :week) % :week,
                         COALESCE(team_id, ''), COALESCE(agent_id, '')
                  FROM tickets WHERE solved_at IS NOT NULL""")
              .bind("shift", QualityAggregates.MONDAY_SHIFT_MS)
              .bind("week", QualityAggregates.WEEK_MS)
              .execute();
        });
    return catchUp();
  }

  /**
   * Claims up to {@code limit} change rows and recomputes their cells; returns the rows claimed and
   * the cells recomputed.
   */
  int[] fold(Handle h, int limit) {
    List<Long> ids = new ArrayList<>();
    TreeSet<Key> cells = new TreeSet<>();
    h.createQuery(
            "SELECT id, week_start, team_id, agent_id FROM ticket_kpi_changes ORDER BY id LIMIT :n"
                + (db.isSqlite() ? "" : " FOR UPDATE SKIP LOCKED"))
        .bind("n", limit)
        .map(
            (rs, ctx) -> {
              ids.add(rs.getLong(1));
              return cells.add(new Key(rs.getLong(2), rs.getString(3), rs.getString(4)));
            })
        .list();
    if (ids.isEmpty()) return new int[] {0, 0};
    h.createUpdate("DELETE FROM ticket_kpi_changes WHERE id IN (<ids>)")
        .bindList("ids", ids)
        .execute();
    for (Key cell : cells) recompute(h, cell); // in key order: two folds never wait on each other
    return new int[] {ids.size(), cells.size()};
  }

  private void recompute(Handle h, Key cell) {
    if (!db.isSqlite()) {
      // SQLite has one writer; on PostgreSQL wait here for another fold of this cell to commit
      h.createUpdate(
              """
              INSERT INTO ticket_week_kpis (week_start, team_id, agent_id, closed, rated, good,
                first_contact, handled, handle_sum, evaluated, handle_seconds)
              VALUES (:week, :team, :agent, 0, 0, 0, 0, 0, 0, 0, '')
              ON CONFLICT (week_start, team_id, agent_id) DO UPDATE SET closed = ticket_week_kpis.closed""")
          .bind("week", cell.week)
          .bind("team", cell.team)
          .bind("agent", cell.agent)
          .execute();
    }
    long[] sums = new long[7]; // closed, rated, good, first contact, handled, handle sum, evaluated
    Values handles = new Values();
    h.createQuery(
            "SELECT t.csat_rating, t.reopen_count, t.handle_time_seconds, CASE WHEN "
                + SqlScope.TICKET_EVALUATED
                + " THEN 1 ELSE 0 END FROM tickets t"
                + " WHERE t.solved_at >= :from AND t.solved_at < :to AND "
                + (cell.agent.isEmpty() ? "t.agent_id IS NULL" : "t.agent_id = :agent")
                + " AND "
                + (cell.team.isEmpty() ? "t.team_id IS NULL" : "t.team_id = :team"))
        .bind("from", cell.week)
        .bind("to", cell.week + QualityAggregates.WEEK_MS)
        .bind("agent", cell.agent)
        .bind("team", cell.team)
        .scanResultSet(
            (supplier, ctx) -> {
              java.sql.ResultSet rs = supplier.get();
              while (rs.next()) {
                String csat = rs.getString(1);
                sums[0]++;
                if ("GOOD".equals(csat) || "BAD".equals(csat)) sums[1]++;
                if ("GOOD".equals(csat)) sums[2]++;
                if (rs.getInt(2) == 0) sums[3]++;
                long handle = rs.getLong(3);
                if (!rs.wasNull()) {
                  sums[4]++;
                  sums[5] += handle;
                  handles.add(handle);
                }
                sums[6] += rs.getInt(4);
              }
              return null;
            });
    if (sums[0] == 0) {
      h.createUpdate(
              "DELETE FROM ticket_week_kpis"
                  + " WHERE week_start = :week AND team_id = :team AND agent_id = :agent")
          .bind("week", cell.week)
          .bind("team", cell.team)
          .bind("agent", cell.agent)
          .execute();
      return;
    }
    handles.sort();
    h.createUpdate(
            """
            INSERT INTO ticket_week_kpis (week_start, team_id, agent_id, closed, rated, good,
              first_contact, handled, handle_sum, evaluated, handle_seconds)
            VALUES (:week, :team, :agent, :closed, :rated, :good, :firstContact, :handled,
              :handleSum, :evaluated, :handles)
            ON CONFLICT (week_start, team_id, agent_id) DO UPDATE SET closed = excluded.closed,
              rated = excluded.rated, good = excluded.good, first_contact = excluded.first_contact,
              handled = excluded.handled, handle_sum = excluded.handle_sum,
              evaluated = excluded.evaluated, handle_seconds = excluded.handle_seconds""")
        .bind("week", cell.week)
        .bind("team", cell.team)
        .bind("agent", cell.agent)
        .bind("closed", sums[0])
        .bind("rated", sums[1])
        .bind("good", sums[2])
        .bind("firstContact", sums[3])
        .bind("handled", sums[4])
        .bind("handleSum", sums[5])
        .bind("evaluated", sums[6])
        .bind("handles", handles.text())
        .execute();
  }

  /**
   * Ticket sums per group and slot from the roll-up, equal to {@link TicketQueries#grouped} for the
   * requests {@link QualityAggregates#answers} allows (slots start on Mondays).
   */
  Map<Cell, TicketStats> read(Handle h, Scope scope, GroupBy groupBy, List<Period.Slot> slots) {
    String group =
        switch (groupBy) {
          case AGENT -> "k.agent_id";
          case TEAM -> "k.team_id";
          case NONE -> "''";
          default -> throw new IllegalArgumentException("the ticket roll-up has no " + groupBy);
        };
    var q =
        h.createQuery(
            "SELECT k.week_start, "
                + group
                + """
                , k.closed, k.rated, k.good, k.first_contact, k.handled, k.handle_sum, k.evaluated,
                  k.handle_seconds
                FROM ticket_week_kpis k WHERE k.week_start >= :from AND k.week_start < :to"""
                + (scope.teamIds() != null ? " AND k.team_id IN (<teams>)" : "")
                + (scope.agentId() != null ? " AND k.agent_id = :agentId" : ""));
    SqlScope.bind(q, scope);
    long[] starts = slots.stream().mapToLong(Period.Slot::startMillis).toArray();
    q.bind("from", starts[0]).bind("to", slots.get(slots.size() - 1).endMillis());
    Map<Cell, Sums> sums = new LinkedHashMap<>();
    q.scanResultSet(
        (supplier, ctx) -> {
          java.sql.ResultSet rs = supplier.get();
          while (rs.next()) {
            Cell cell = new Cell(rs.getString(2), QualityAggregates.slot(starts, rs.getLong(1)));
            Sums s = sums.computeIfAbsent(cell, c -> new Sums());
            for (int i = 0; i < 7; i++) s.sums[i] += rs.getLong(3 + i);
            s.handles.parse(rs.getString(10));
            s.rows++;
          }
          return null;
        });
    Map<Cell, TicketStats> out = new LinkedHashMap<>();
    sums.forEach((cell, s) -> out.put(cell, s.stats()));
    return out;
  }

  private record Key(long week, String team, String agent) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Long.compare(week, o.week);
      if (c == 0) c = team.compareTo(o.team);
      return c != 0 ? c : agent.compareTo(o.agent);
    }
  }

  private static final class Sums {
    final long[] sums = new long[7];
    final Values handles = new Values();
    int rows;

    TicketStats stats() {
      Long p50 = null;
      Long p90 = null;
      if (handles.size > 0) {
        if (rows > 1) handles.sort(); // one cell's list is stored ascending
        p50 = handles.nearestRank(50);
        p90 = handles.nearestRank(90);
      }
      return new TicketStats(
          sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], p50, p90, sums[6]);
    }
  }

  /** A growable list of handle times, stored as ascending comma-separated decimals. */
  static final class Values {
    long[] values = new long[16];
    int size;

    void add(long v) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = v;
    }

    void sort() {
      Arrays.sort(values, 0, size);
    }

    /** The value at rank ceil(p * n / 100) in ascending order. */
    long nearestRank(int p) {
      return values[(int) ((p * (long) size + 99) / 100) - 1];
    }

    String text() {
      StringBuilder s = new StringBuilder(size * 4);
      for (int i = 0; i < size; i++) {
        if (i > 0) s.append(',');
        s.append(values[i]);
      }
      return s.toString();
    }

    void parse(String text) {
      int i = 0;
      int n = text.length();
      while (i < n) {
        boolean negative = text.charAt(i) == '-';
        if (negative) i++;
        long v = 0;
        char c;
        while (i < n && (c = text.charAt(i)) != ',') {
          v = v * 10 + (c - '0');
          i++;
        }
        add(negative ? -v : v);
        i++;
      }
    }
  }
}
