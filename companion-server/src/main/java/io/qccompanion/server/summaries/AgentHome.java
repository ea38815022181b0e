package io.qccompanion.server.summaries;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The agent's own figures for their home page: score trend by week against the quality target and
 * the pass marks, pass rate, and the criteria they do best and worst on (regular evaluations only).
 */
final class AgentHome {
  private static final int CRITERIA_SHOWN = 3;
  private final KpiTargets targets;

  public AgentHome(KpiTargets targets) {
    this.targets = targets;
  }

  /** One ISO week (starting Monday, UTC): mean score and how many evaluations. */
  public record Week(String weekStart, double averageScore, int evaluations) {}

  /** A criterion by the share of points earned (100 = full marks every time). */
  public record CriterionShare(
      String criterionId, String name, double percentOfPoints, int answered) {}

  /** A scorecard the agent was graded on and its pass mark. */
  public record PassMark(String scorecardName, double passMarkPercent) {}

  /**
   * The summary.
   *
   * @param qualityTargetPercent the team's quality target (a KPI goal for the average score)
   * @param passMarks the pass mark of each scorecard used: an evaluation passes at or above it
   */
  public record Summary(
      String agentId,
      String agentName,
      int evaluations,
      Double averageScore,
      Double passRatePercent,
      double qualityTargetPercent,
      List<PassMark> passMarks,
      List<Week> trend,
      List<CriterionShare> strongest,
      List<CriterionShare> weakest) {}

  public Summary of(Handle h, String agentId, Instant from) {
    Map<String, Object> agent =
        h.createQuery("SELECT name, team_id FROM agents WHERE id = ?")
            .bind(0, agentId)
            .mapToMap()
            .findOne()
            .orElse(Map.of());
    List<Map<String, Object>> rows =
        h.createQuery(
                """
                SELECT e.score, e.passed, e.submitted_at, v.definition
                FROM evaluations e JOIN scorecard_versions v ON v.id = e.scorecard_version_id
                WHERE e.agent_id = :a AND e.kind = 'REGULAR' AND e.status <> 'DRAFT'
                  AND e.submitted_at >= :from
                ORDER BY e.submitted_at
                """)
            .bind("a", agentId)
            .bind("from", from.toEpochMilli())
            .mapToMap()
            .list();
    double sum = 0;
    int scored = 0;
    int passed = 0;
    Map<String, double[]> weeks = new TreeMap<>();
    Map<String, PassMark> marks = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      var def =
          io.qccompanion.server.domain.Json.read(
              (String) r.get("definition"),
              io.qccompanion.server.scorecards.ScorecardDefinition.class);
      marks.putIfAbsent(def.name(), new PassMark(def.name(), def.passMark()));
      if (!(r.get("score") instanceof Number score)) continue;
      sum += score.doubleValue();
      scored++;
      if (r.get("passed") instanceof Number p && p.intValue() == 1) passed++;
      String week =
          Instant.ofEpochMilli(((Number) r.get("submitted_at")).longValue())
              .atZone(ZoneOffset.UTC)
              .toLocalDate()
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
              .toString();
      double[] w = weeks.computeIfAbsent(week, k -> new double[2]);
      w[0] += score.doubleValue();
      w[1]++;
    }
    List<Week> trend = new ArrayList<>();
    weeks.forEach((k, w) -> trend.add(new Week(k, w[0] / w[1], (int) w[1])));
    List<CriterionShare> criteria =
        h.createQuery(
                """
                SELECT a.criterion_id, MAX(a.criterion) AS name,
                  SUM(a.points) AS points, SUM(a.max_points) AS max_points, COUNT(*) AS n
                FROM evaluation_answers a JOIN evaluations e ON e.id = a.evaluation_id
                WHERE e.agent_id = :a AND e.kind = 'REGULAR' AND e.status <> 'DRAFT'
                  AND e.submitted_at >= :from AND a.not_applicable = 0 AND a.max_points > 0
                GROUP BY a.criterion_id
                """)
            .bind("a", agentId)
            .bind("from", from.toEpochMilli())
            .map(
                (rs, ctx) ->
                    new CriterionShare(
                        rs.getString("criterion_id"),
                        rs.getString("name"),
                        100 * rs.getDouble("points") / rs.getDouble("max_points"),
                        rs.getInt("n")))
            .list();
    List<CriterionShare> best = new ArrayList<>(criteria);
    best.sort(
        java.util.Comparator.comparingDouble(CriterionShare::percentOfPoints)
            .reversed()
            .thenComparing(CriterionShare::criterionId));
    List<CriterionShare> worst = new ArrayList<>(criteria);
    worst.sort(
        java.util.Comparator.comparingDouble(CriterionShare::percentOfPoints)
            .thenComparing(CriterionShare::criterionId));
    return new Summary(
        agentId,
        (String) agent.get("name"),
        rows.size(),
        scored == 0 ? null : sum / scored,
        scored == 0 ? null : 100.0 * passed / scored,
        targets.forTeam(h, (String) agent.get("team_id")).qualityPercent(),
        List.copyOf(marks.values()),
        trend,
        best.subList(0, Math.min(CRITERIA_SHOWN, best.size())),
        worst.subList(0, Math.min(CRITERIA_SHOWN, worst.size())));
  }
}
