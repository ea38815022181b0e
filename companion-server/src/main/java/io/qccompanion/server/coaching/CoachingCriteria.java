package io.qccompanion.server.coaching;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.summaries.Kpi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The criteria a coach picks a gap from, by name: those of the agent's scorecard (the version the
 * agent's latest evaluation was graded on, else the newest default of their team or of the
 * organisation), each with the agent's recent pass rate on it; criteria the agent was graded on
 * with an older scorecard follow.
 */
final class CoachingCriteria {
  static final long WINDOW_DAYS = 90;

  /** One criterion with the agent's answers on it in the window (N/A left out). */
  record Item(
      String criterionId,
      String name,
      String section,
      long answered,
      long failed,
      Double passRatePercent) {}

  /** The agent's scorecard (null when none applies) and its criteria. */
  record Answer(
      String agentId, String scorecard, Integer version, long sinceMillis, List<Item> items) {}

  Answer forAgent(Handle h, String agentId, long now) {
    String team =
        h.createQuery("SELECT team_id FROM agents WHERE id = :id")
            .bind("id", agentId)
            .mapTo(String.class)
            .findOne()
            .orElseThrow(() -> new NotFound("agent", agentId));
    long since = now - WINDOW_DAYS * 86_400_000L;
    Map<String, long[]> stats = new LinkedHashMap<>();
    Map<String, String[]> seen = new LinkedHashMap<>();
    h.createQuery(
            """
            SELECT a.criterion_id, MAX(a.criterion), MAX(a.section), COUNT(*), SUM(a.failed)
            FROM evaluation_answers a JOIN evaluations e ON e.id = a.evaluation_id
            WHERE e.agent_id = :agent AND e.kind = 'REGULAR' AND a.not_applicable = 0
              AND e.status IN ('SUBMITTED', 'DISPUTED', 'AMENDED', 'UPHELD')
              AND e.submitted_at >= :since
            GROUP BY a.criterion_id ORDER BY a.criterion_id""")
        .bind("agent", agentId)
        .bind("since", since)
        .map(
            (rs, ctx) ->
                new String[] {
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  String.valueOf(rs.getLong(4)),
                  String.valueOf(rs.getLong(5))
                })
        .forEach(
            r -> {
              stats.put(r[0], new long[] {Long.parseLong(r[3]), Long.parseLong(r[4])});
              seen.put(r[0], new String[] {r[1], r[2]});
            });
    var version =
        h.createQuery(
                """
                SELECT s.name, v.version, v.definition FROM scorecard_versions v
                JOIN scorecards s ON s.id = v.scorecard_id
                WHERE v.id = COALESCE(
                  (SELECT e.scorecard_version_id FROM evaluations e
                   WHERE e.agent_id = :agent AND e.kind = 'REGULAR' AND e.submitted_at IS NOT NULL
                   ORDER BY e.submitted_at DESC, e.id DESC LIMIT 1),
                  (SELECT v2.id FROM scorecards s2 JOIN scorecard_versions v2 ON v2.scorecard_id = s2.id
                   WHERE s2.archived = 0 AND s2.is_default = 1
                     AND (s2.team_id = :team OR s2.team_id IS NULL)
                   ORDER BY CASE WHEN s2.team_id IS NULL THEN 1 ELSE 0 END, v2.version DESC
                   LIMIT 1))""")
            .bind("agent", agentId)
            .bind("team", team)
            .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)})
            .findOne();
    List<Item> items = new ArrayList<>();
    if (version.isPresent())
      for (JsonNode section : Json.read((String) version.get()[2], JsonNode.class).path("sections"))
        for (JsonNode c : section.path("criteria")) {
          String id = c.path("id").asText();
          items.add(item(id, c.path("name").asText(id), section.path("name").asText(), stats));
          seen.remove(id);
        }
    seen.forEach((id, names) -> items.add(item(id, names[0], names[1], stats)));
    return new Answer(
        agentId,
        version.map(v -> (String) v[0]).orElse(null),
        version.map(v -> (Integer) v[1]).orElse(null),
        since,
        items);
  }

  private static Item item(String id, String name, String section, Map<String, long[]> stats) {
    long[] s = stats.getOrDefault(id, new long[2]);
    return new Item(id, name, section, s[0], s[1], Kpi.percent(s[0] - s[1], s[0]));
  }
}
