package io.qccompanion.server.sampling;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.HttpProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Team or organisation quality over a period from the sample, plain and design-weighted ({@link
 * WeightedQuality}), with the evaluations each agent needs for a chosen precision.
 */
final class WeightedQualityRoutes {
  private final Database db;
  private final Clock clock;

  public WeightedQualityRoutes(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  record Row(String agentId, double score, double probability) {}

  record AgentPlan(
      String agentId, int evaluations, long decidedTickets, Double sd, int suggested) {}

  public void register(RoutesConfig r) {
    r.get("/api/v1/summaries/weighted-quality", this::get, Role.ADMIN, Role.MANAGER, Role.QC_LEAD);
  }

  private void get(Context ctx) {
    LocalDate to = date(ctx, "to", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    LocalDate from = date(ctx, "from", to.minusDays(89));
    if (from.isAfter(to)) throw HttpProblem.invalid("from", "from is after to");
    String team = ctx.queryParam("teamId");
    double margin;
    try {
      margin = Double.parseDouble(ctx.queryParamAsClass("margin", String.class).getOrDefault("5"));
    } catch (NumberFormatException e) {
      throw HttpProblem.invalid("margin", "margin must be a number of points");
    }
    if (!(margin > 0 && margin <= 50))
      throw HttpProblem.invalid("margin", "margin must be in (0, 50]");
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    String teamFilter = team == null ? "" : " AND d.team_id = :team";
    List<Row> rows =
        db.read(
            h -> {
              var q =
                  h.createQuery(
                          """
                      SELECT ev.agent_id, ev.score, d.inclusion_probability FROM evaluations ev
                      JOIN sample_decisions d ON d.ticket_id = ev.ticket_id AND d.agent_id = ev.agent_id
                      WHERE ev.kind = 'REGULAR' AND ev.status IN ('SUBMITTED', 'DISPUTED', 'AMENDED', 'UPHELD')
                        AND ev.score IS NOT NULL AND d.selected = 1 AND d.inclusion_probability > 0
                        AND d.decided_at >= :start AND d.decided_at < :end%s
                      ORDER BY ev.agent_id, ev.id"""
                              .formatted(teamFilter))
                      .bind("start", start.toEpochMilli())
                      .bind("end", end.toEpochMilli());
              if (team != null) q.bind("team", team);
              return q.map((rs, c) -> new Row(rs.getString(1), rs.getDouble(2), rs.getDouble(3)))
                  .list();
            });
    Map<String, Long> decided =
        db.read(
            h -> {
              var q =
                  h.createQuery(
                          "SELECT d.agent_id, COUNT(*) FROM sample_decisions d WHERE d.decided_at >= :start AND d.decided_at < :end%s GROUP BY d.agent_id ORDER BY d.agent_id"
                              .formatted(teamFilter))
                      .bind("start", start.toEpochMilli())
                      .bind("end", end.toEpochMilli());
              if (team != null) q.bind("team", team);
              Map<String, Long> out = new LinkedHashMap<>();
              q.map(
                      (rs, c) ->
                          Map.entry(rs.getString(1) == null ? "" : rs.getString(1), rs.getLong(2)))
                  .forEach(e -> out.put(e.getKey(), e.getValue()));
              return out;
            });
    long frame = decided.values().stream().mapToLong(Long::longValue).sum();
    List<WeightedQuality.Observation> all = new ArrayList<>();
    Map<String, List<Double>> byAgent = new LinkedHashMap<>();
    for (Row r : rows) {
      all.add(new WeightedQuality.Observation(r.score(), r.probability()));
      byAgent.computeIfAbsent(r.agentId(), k -> new ArrayList<>()).add(r.score());
    }
    WeightedQuality estimate = WeightedQuality.estimate(all, frame == 0 ? null : frame);
    Double pooled = sd(rows.stream().map(Row::score).toList());
    List<AgentPlan> plans = new ArrayList<>();
    for (var e : decided.entrySet()) {
      if (e.getKey().isEmpty()) continue;
      List<Double> scores = byAgent.getOrDefault(e.getKey(), List.of());
      Double sd = scores.size() >= 2 ? sd(scores) : pooled;
      int suggested = sd == null ? 0 : WeightedQuality.sampleSize(sd, margin, e.getValue());
      plans.add(new AgentPlan(e.getKey(), scores.size(), e.getValue(), sd, suggested));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from.toString());
    body.put("to", to.toString());
    if (team != null) body.put("teamId", team);
    body.put("decidedTickets", frame);
    body.put("estimate", estimate);
    body.put("marginPoints", margin);
    body.put("agents", plans);
    ctx.json(body);
  }

  private static Double sd(List<Double> xs) {
    if (xs.size() < 2) return null;
    double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double ss = 0;
    for (double x : xs) ss += (x - mean) * (x - mean);
    return Math.sqrt(ss / (xs.size() - 1));
  }

  private static LocalDate date(Context ctx, String name, LocalDate fallback) {
    String v = ctx.queryParam(name);
    if (v == null) return fallback;
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw HttpProblem.invalid(name, name + " must be an ISO date (2026-11-30)");
    }
  }
}
