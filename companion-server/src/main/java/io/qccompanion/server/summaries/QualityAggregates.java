package io.qccompanion.server.summaries;

import io.qccompanion.server.store.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;

/**
 * The agent x week quality aggregate ({@code agent_week_quality}), kept equal to the evaluations it
 * sums. The evaluations feature calls {@link #apply} after every submit, amendment or status change
 * (inside the same transaction) and retention calls {@link #retract} before purging an evaluation.
 * Each counted evaluation's contribution is recorded in {@code quality_contributions}, so applying
 * twice or retracting a changed row stays exact.
 */
final class QualityAggregates {
  static final long DAY_MS = 86_400_000L;
  static final long WEEK_MS = 7 * DAY_MS;
  // 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
  static final long MONDAY_SHIFT_MS = 3 * DAY_MS;

  private final Database db;

  public QualityAggregates(Database db) {
    this.db = db;
  }

  /** Monday 00:00 UTC of the week holding {@code epochMillis}. */
  public static long weekStart(long epochMillis) {
    return epochMillis - Math.floorMod(epochMillis + MONDAY_SHIFT_MS, WEEK_MS);
  }

  /** Brings the aggregate in line with the evaluation's current row (counts it or not). */
  public void apply(Handle h, String evaluationId) {
    retract(h, evaluationId);
    Optional<Contribution> c =
        h.createQuery(
                """
                SELECT ev.id, ev.agent_id, COALESCE(ev.team_id, '') AS team_id, ev.submitted_at,
                       ev.score, COALESCE(ev.passed, 0) AS passed, ev.critical_fail
                FROM evaluations ev
                WHERE ev.id = :id AND ev.agent_id IS NOT NULL AND\s"""
                    + SqlScope.COUNTED)
            .bind("id", evaluationId)
            .map(
                (rs, ctx) ->
                    new Contribution(
                        rs.getString("agent_id"),
                        rs.getString("team_id"),
                        weekStart(rs.getLong("submitted_at")),
                        rs.getDouble("score"),
                        rs.getInt("passed"),
                        rs.getInt("critical_fail")))
            .findOne();
    if (c.isEmpty()) return;
    Contribution x = c.get();
    h.createUpdate(
            """
            INSERT INTO quality_contributions
              (evaluation_id, agent_id, team_id, week_start, score, passed, critical, band)
            VALUES (:id, :agent, :team, :week, :score, :passed, :critical, :band)""")
        .bind("id", evaluationId)
        .bind("agent", x.agentId)
        .bind("team", x.teamId)
        .bind("week", x.weekStart)
        .bind("score", x.score)
        .bind("passed", x.passed)
        .bind("critical", x.critical)
        .bind("band", QualityStats.band(x.score))
        .execute();
    add(h, x, 1);
  }

  /** Removes whatever the evaluation contributed (no-op when it contributed nothing). */
  public void retract(Handle h, String evaluationId) {
    Optional<Contribution> c =
        h.createQuery(
                """
                SELECT agent_id, team_id, week_start, score, passed, critical
                FROM quality_contributions WHERE evaluation_id = :id""")
            .bind("id", evaluationId)
            .map(
                (rs, ctx) ->
                    new Contribution(
                        rs.getString("agent_id"),
                        rs.getString("team_id"),
                        rs.getLong("week_start"),
                        rs.getDouble("score"),
                        rs.getInt("passed"),
                        rs.getInt("critical")))
            .findOne();
    if (c.isEmpty()) return;
    add(h, c.get(), -1);
    h.createUpdate("DELETE FROM quality_contributions WHERE evaluation_id = :id")
        .bind("id", evaluationId)
        .execute();
    h.createUpdate(
            """
            DELETE FROM agent_week_quality
            WHERE week_start = :week AND team_id = :team AND agent_id = :agent AND n <= 0""")
        .bind("week", c.get().weekStart)
        .bind("team", c.get().teamId)
        .bind("agent", c.get().agentId)
        .execute();
  }

  /**
   * Gives the agent's aggregate rows a new random token ({@code '*'} for a rebuild). Tokens stay
   * below 2^40 so their sum over a million agents fits a BIGINT.
   */
  private static void touch(Handle h, String agentId) {
    h.createUpdate(
            """
            INSERT INTO quality_agent_version (agent_id, version) VALUES (:agent, :v)
            ON CONFLICT (agent_id) DO UPDATE SET version = excluded.version""")
        .bind("agent", agentId)
        .bind("v", ThreadLocalRandom.current().nextLong(1L << 40))
        .execute();
  }

  private void add(Handle h, Contribution x, int sign) {
    touch(h, x.agentId);
    int band = QualityStats.band(x.score);
    h.createUpdate(
            """
            INSERT INTO agent_week_quality (week_start, team_id, agent_id, n, score_sum, passed_n,
              critical_n, band0_n, band1_n, band2_n, band3_n, band4_n)
            VALUES (:week, :team, :agent, :n, :score, :passed, :critical, :b0, :b1, :b2, :b3, :b4)
            ON CONFLICT (week_start, team_id, agent_id) DO UPDATE SET
              n = agent_week_quality.n + excluded.n,
              score_sum = agent_week_quality.score_sum + excluded.score_sum,
              passed_n = agent_week_quality.passed_n + excluded.passed_n,
              critical_n = agent_week_quality.critical_n + excluded.critical_n,
              band0_n = agent_week_quality.band0_n + excluded.band0_n,
              band1_n = agent_week_quality.band1_n + excluded.band1_n,
              band2_n = agent_week_quality.band2_n + excluded.band2_n,
              band3_n = agent_week_quality.band3_n + excluded.band3_n,
              band4_n = agent_week_quality.band4_n + excluded.band4_n""")
        .bind("week", x.weekStart)
        .bind("team", x.teamId)
        .bind("agent", x.agentId)
        .bind("n", sign)
        .bind("score", sign * x.score)
        .bind("passed", sign * x.passed)
        .bind("critical", sign * x.critical)
        .bind("b0", band == 0 ? sign : 0)
        .bind("b1", band == 1 ? sign : 0)
        .bind("b2", band == 2 ? sign : 0)
        .bind("b3", band == 3 ? sign : 0)
        .bind("b4", band == 4 ? sign : 0)
        .execute();
  }

  /** Recomputes the whole aggregate from the evaluations table, in one transaction. */
  public void rebuild() {
    db.run(this::rebuild);
  }

  /** Recomputes the whole aggregate inside the caller's transaction. */
  public void rebuild(Handle h) {
    h.execute("DELETE FROM quality_agent_version");
    touch(h, "*");
    h.execute("DELETE FROM agent_week_quality");
    h.execute("DELETE FROM quality_contributions");
    h.createUpdate(
            """
            INSERT INTO quality_contributions
              (evaluation_id, agent_id, team_id, week_start, score, passed, critical, band)
            SELECT ev.id, ev.agent_id, COALESCE(ev.team_id, ''),
                   ev.submitted_at - ((ev.submitted_at + :shift) % :week),
                   ev.score, COALESCE(ev.passed, 0), ev.critical_fail,
                   CASE WHEN ev.score < 50 THEN 0 WHEN ev.score < 70 THEN 1
                        WHEN ev.score < 80 THEN 2 WHEN ev.score < 90 THEN 3 ELSE 4 END
            FROM evaluations ev WHERE ev.agent_id IS NOT NULL AND ev.submitted_at >= 0 AND\s"""
                + SqlScope.COUNTED)
        .bind("shift", MONDAY_SHIFT_MS)
        .bind("week", WEEK_MS)
        .execute();
    h.execute(
        """
        INSERT INTO agent_week_quality (week_start, team_id, agent_id, n, score_sum, passed_n,
          critical_n, band0_n, band1_n, band2_n, band3_n, band4_n)
        SELECT week_start, team_id, agent_id, COUNT(*), SUM(score), SUM(passed), SUM(critical),
          SUM(CASE WHEN band = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN band = 1 THEN 1 ELSE 0 END),
          SUM(CASE WHEN band = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN band = 3 THEN 1 ELSE 0 END),
          SUM(CASE WHEN band = 4 THEN 1 ELSE 0 END)
        FROM quality_contributions GROUP BY week_start, team_id, agent_id""");
  }

  /** Whether {@link #read} can answer this request (whole weeks, agent/team/no grouping). */
  public static boolean answers(Period period, Bucket bucket, GroupBy groupBy, Scope scope) {
    return period.wholeWeeks()
        && (bucket == Bucket.WEEK || bucket == Bucket.NONE)
        && (groupBy == GroupBy.AGENT || groupBy == GroupBy.TEAM || groupBy == GroupBy.NONE)
        && scope.host() == null;
  }

  /**
   * Quality sums per group and slot read from the aggregate; slots must start on Mondays. Rows are
   * read straight off a covering index and summed here: cheaper than a GROUP BY's temporary b-tree,
   * and there is about one row per agent and week.
   */
  public Map<Cell, QualityStats> read(
      Handle h, Scope scope, GroupBy groupBy, List<Period.Slot> slots) {
    var key =
        h.createQuery("SELECT COUNT(*), COALESCE(SUM(version), 0) FROM quality_agent_version")
            .map((rs, ctx) -> new CacheKey(rs.getLong(1), rs.getLong(2), scope, groupBy, slots))
            .one();
    synchronized (cache) {
      Map<Cell, QualityStats> hit = cache.get(key);
      if (hit != null) return hit;
    }
    Map<Cell, QualityStats> answer =
        java.util.Collections.unmodifiableMap(readRows(h, scope, groupBy, slots));
    synchronized (cache) {
      cache.put(key, answer);
    }
    return answer;
  }

  /** Answers already read, valid while no agent's token changed. */
  private final Map<CacheKey, Map<Cell, QualityStats>> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, Map<Cell, QualityStats>> e) {
          return size() > CACHE_ENTRIES;
        }
      };

  private static final int CACHE_ENTRIES = 32;

  private record CacheKey(
      long agents, long versionSum, Scope scope, GroupBy groupBy, List<Period.Slot> slots) {}

  /** Reads the aggregate rows without the cache (benchmarks compare both). */
  Map<Cell, QualityStats> readRows(
      Handle h, Scope scope, GroupBy groupBy, List<Period.Slot> slots) {
    if (groupBy != GroupBy.AGENT && groupBy != GroupBy.TEAM && groupBy != GroupBy.NONE)
      throw new IllegalArgumentException("aggregate has no " + groupBy);
    // only the group's column: sqlite-jdbc pays a native call per value, and this reads
    // ~26,000 rows organisation-wide (2,000 agents x 13 weeks)
    String group =
        switch (groupBy) {
          case AGENT -> "q.agent_id";
          case TEAM -> "q.team_id";
          default -> "''";
        };
    String sql =
        "SELECT q.week_start, "
            + group
            + """
            , q.n, q.score_sum, q.passed_n, q.critical_n,
              q.band0_n, q.band1_n, q.band2_n, q.band3_n, q.band4_n
            FROM agent_week_quality q
            WHERE q.week_start >= :from AND q.week_start < :to"""
            + (scope.teamIds() != null ? " AND q.team_id IN (<teams>)" : "")
            + (scope.agentId() != null ? " AND q.agent_id = :agentId" : "");
    var q = h.createQuery(sql);
    SqlScope.bind(q, scope);
    long[] starts = slots.stream().mapToLong(Period.Slot::startMillis).toArray();
    q.bind("from", starts[0]).bind("to", slots.get(slots.size() - 1).endMillis());
    Map<Cell, QualityStats> out = new LinkedHashMap<>();
    q.scanResultSet(
        (rsSupplier, ctx) -> {
          java.sql.ResultSet rs = rsSupplier.get();
          while (rs.next()) {
            int slot = slot(starts, rs.getLong(1));
            String key = rs.getString(2);
            long[] b = new long[5];
            for (int i = 0; i < 5; i++) b[i] = rs.getLong(7 + i);
            var stats =
                new QualityStats(rs.getLong(3), rs.getDouble(4), rs.getLong(5), rs.getLong(6), b);
            out.merge(new Cell(key, slot), stats, QualityStats::plus);
          }
          return null;
        });
    return out;
  }

  /** The index of the slot holding {@code weekStart}, given the slots' ascending starts. */
  static int slot(long[] starts, long weekStart) {
    int slot = java.util.Arrays.binarySearch(starts, weekStart);
    return slot < 0 ? -slot - 2 : slot;
  }

  private record Contribution(
      String agentId, String teamId, long weekStart, double score, int passed, int critical) {}
}
