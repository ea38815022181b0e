package io.qccompanion.server.summaries;

import io.qccompanion.server.sampling.WeightedQuality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The design-weighted quality ({@link WeightedKpi}) of the evaluations a summary counts, in total
 * and per team. The probability is the one the sampling decision of the evaluation's ticket and
 * agent stored ({@code UNIQUE (ticket_id, agent_id)} makes the look-up an index probe).
 */
final class WeightedQueries {
  /** Key of the whole selection in {@link #estimates}. */
  static final String TOTAL = "";

  /** The estimate of the whole scope under {@link #TOTAL} and, when {@code perTeam}, per team. */
  Map<String, WeightedKpi> estimates(Handle h, Scope scope, Period period, boolean perTeam) {
    String sql =
        "SELECT ev.team_id AS team, ev.score AS score,"
            + " (SELECT d.inclusion_probability FROM sample_decisions d"
            + "   WHERE d.ticket_id = ev.ticket_id AND d.agent_id = ev.agent_id AND d.selected = 1"
            + "     AND d.inclusion_probability > 0 AND d.inclusion_probability <= 1) AS p"
            + " FROM evaluations ev"
            + (scope.host() != null ? " JOIN tickets t ON t.id = ev.ticket_id" : "")
            + " WHERE "
            + SqlScope.COUNTED
            + " AND ev.submitted_at >= :from AND ev.submitted_at < :to"
            + SqlScope.evaluationFilter(scope)
            + " ORDER BY ev.id";
    var q = h.createQuery(sql).bind("from", period.startMillis()).bind("to", period.endMillis());
    SqlScope.bind(q, scope);
    Map<String, List<WeightedQuality.Observation>> samples = new LinkedHashMap<>();
    Map<String, Long> missing = new HashMap<>();
    samples.put(TOTAL, new ArrayList<>());
    q.map(
            (rs, ctx) -> {
              double p = rs.getDouble("p");
              boolean none = rs.wasNull();
              String team = QualityQueries.nonNull(rs.getString("team"));
              List<String> keys = perTeam ? List.of(TOTAL, team) : List.of(TOTAL);
              for (String k : keys) {
                if (none) missing.merge(k, 1L, Long::sum);
                else
                  samples
                      .computeIfAbsent(k, x -> new ArrayList<>())
                      .add(new WeightedQuality.Observation(rs.getDouble("score"), p));
              }
              return team;
            })
        .forEach(t -> {});
    missing.keySet().forEach(k -> samples.computeIfAbsent(k, x -> new ArrayList<>()));
    Map<String, WeightedKpi> out = new HashMap<>();
    samples.forEach(
        (k, obs) ->
            out.put(
                k,
                WeightedKpi.of(WeightedQuality.estimate(obs, null), missing.getOrDefault(k, 0L))));
    return out;
  }
}
