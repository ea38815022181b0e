package io.qccompanion.server.summaries;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Production per agent and day or week: tickets solved (each agent the ticket is attributed to in
 * {@code ticket_agents}, or its assignee) against the team's daily target reduced pro rata by
 * exception hours. Until a production target is set for the team (or the organisation) the rows
 * carry counts only: {@code targetSet} is false and target and attainment are null.
 */
final class ProductionReport {
  private final ProductionExceptions exceptions;
  private final KpiTargets targets;

  public ProductionReport(ProductionExceptions exceptions, KpiTargets targets) {
    this.exceptions = exceptions;
    this.targets = targets;
  }

  /** One agent's production in one bucket. */
  public record Row(
      String agentId,
      String agentName,
      String teamId,
      LocalDate bucketStart,
      long ticketsClosed,
      double exceptionHours,
      boolean targetSet,
      Double targetTickets,
      Double attainmentPercent,
      Boolean onTarget) {}

  /** Sum over every row; the target sums only the rows that have one. */
  public record Total(
      long ticketsClosed,
      double exceptionHours,
      boolean targetSet,
      Double targetTickets,
      Double attainmentPercent) {}

  /** The report: rows ordered by bucket then agent name. */
  public record Report(Period period, String bucket, List<Row> items, Total total) {}

  private record Agent(String id, String name, String teamId) {}

  /** Production of the agents in {@code scope} over {@code period}. */
  public Report report(Handle h, Scope scope, Period period, Bucket bucket) {
    String agentFilter =
        (scope.teamIds() != null ? " AND a.team_id IN (<teams>)" : "")
            + (scope.agentId() != null ? " AND a.id = :agentId" : "");
    var aq =
        h.createQuery(
            "SELECT a.id, a.name, a.team_id FROM agents a WHERE a.active = 1"
                + agentFilter
                + " ORDER BY a.name, a.id");
    bindScope(aq, scope);
    List<Agent> agents =
        aq.map((rs, ctx) -> new Agent(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    var cq =
        h.createQuery(
            """
            SELECT x.agent_id, x.solved_at - (x.solved_at % 86400000) AS day, COUNT(*) AS n FROM (
              SELECT t.id, ta.agent_id, t.solved_at FROM tickets t
                JOIN ticket_agents ta ON ta.ticket_id = t.id
                WHERE t.solved_at >= :from AND t.solved_at < :to
              UNION
              SELECT t.id, t.agent_id, t.solved_at FROM tickets t
                WHERE t.agent_id IS NOT NULL AND t.solved_at >= :from AND t.solved_at < :to
            ) x JOIN agents a ON a.id = x.agent_id WHERE a.active = 1"""
                + agentFilter
                + " GROUP BY x.agent_id, x.solved_at - (x.solved_at % 86400000)");
    bindScope(cq, scope);
    cq.bind("from", period.startMillis()).bind("to", period.endMillis());
    Map<String, Map<LocalDate, Long>> closed = new HashMap<>();
    cq.map((rs, ctx) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)})
        .forEach(
            r ->
                closed
                    .computeIfAbsent((String) r[0], k -> new HashMap<>())
                    .put(
                        java.time.Instant.ofEpochMilli((Long) r[1])
                            .atZone(ZoneOffset.UTC)
                            .toLocalDate(),
                        (Long) r[2]));
    Map<String, Map<LocalDate, Double>> hours = exceptions.hoursByAgentDay(h, scope, period);
    KpiTargets.DatedResolver resolver = targets.datedResolver(h);
    List<Row> rows = new ArrayList<>();
    long totalClosed = 0;
    double totalHours = 0;
    double totalTarget = 0;
    long closedWithTarget = 0;
    boolean anyTarget = false;
    for (Agent a : agents) {
      // acc: closed, exception hours, target, days with a target set
      Map<LocalDate, double[]> buckets = new LinkedHashMap<>();
      for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
        Targets t = resolver.on(a.teamId(), d);
        double ex = hours.getOrDefault(a.id(), Map.of()).getOrDefault(d, 0.0);
        long n = closed.getOrDefault(a.id(), Map.of()).getOrDefault(d, 0L);
        double[] acc =
            buckets.computeIfAbsent(bucket.startOf(d, period.from()), k -> new double[4]);
        acc[0] += n;
        acc[1] += ex;
        Double target = t.productionTarget(d.getDayOfWeek(), ex);
        if (target != null) {
          acc[2] += target;
          acc[3]++;
        }
      }
      for (var e : buckets.entrySet()) {
        double[] acc = e.getValue();
        boolean set = acc[3] > 0;
        Double target = set ? Kpi.round(acc[2]) : null;
        rows.add(
            new Row(
                a.id(),
                a.name(),
                a.teamId(),
                e.getKey(),
                (long) acc[0],
                acc[1],
                set,
                target,
                !set || target == 0 ? null : Kpi.round(acc[0] * 100.0 / target),
                set ? acc[0] >= target : null));
        totalClosed += (long) acc[0];
        totalHours += acc[1];
        if (set) {
          anyTarget = true;
          totalTarget += acc[2];
          closedWithTarget += (long) acc[0];
        }
      }
    }
    rows.sort(java.util.Comparator.comparing(Row::bucketStart));
    Double tt = anyTarget ? Kpi.round(totalTarget) : null;
    return new Report(
        period,
        bucket.name().toLowerCase(java.util.Locale.ROOT),
        rows,
        new Total(
            totalClosed,
            totalHours,
            anyTarget,
            tt,
            tt == null || tt == 0 ? null : Kpi.round(closedWithTarget * 100.0 / tt)));
  }

  private static void bindScope(org.jdbi.v3.core.statement.SqlStatement<?> q, Scope scope) {
    if (scope.teamIds() != null) q.bindList("teams", List.copyOf(scope.teamIds()));
    if (scope.agentId() != null) q.bind("agentId", scope.agentId());
  }
}
