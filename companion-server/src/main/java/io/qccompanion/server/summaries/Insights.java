package io.qccompanion.server.summaries;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.domain.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** The summary's side tables: failing criteria, root causes, disputes, calibration, sampling. */
final class Insights {
  /** A criterion's failures among the counted evaluations that answered it (N/A excluded). */
  public record CriterionFailures(
      String criterionId, String criterion, long answered, long failed, Double failRatePercent) {}

  /** How often a root cause was given on failed answers. */
  public record RootCause(String rootCause, long count, Double sharePercent) {}

  /** Disputes among counted evaluations: open (DISPUTED), AMENDED or UPHELD. */
  public record Disputes(
      long evaluations,
      long disputed,
      Double disputeRatePercent,
      long open,
      long amended,
      long upheld) {}

  /** A QC's deviation from the mean score of the same tickets' calibration evaluations. */
  public record Calibration(
      String qcId,
      String qcName,
      long calibrations,
      Double meanDeviation,
      Double meanAbsoluteDeviation) {}

  /** Sampling decisions taken in the period and how often each reason selected a ticket. */
  public record Sampling(long decided, long selected, Map<String, Long> byReason) {}

  private static String evaluations(Scope scope) {
    return " FROM evaluations ev"
        + (scope.host() != null ? " JOIN tickets t ON t.id = ev.ticket_id" : "")
        + " WHERE ev.submitted_at >= :from AND ev.submitted_at < :to"
        + SqlScope.evaluationFilter(scope);
  }

  private static <Q extends org.jdbi.v3.core.statement.SqlStatement<Q>> Q bind(
      Q q, Scope scope, Period period) {
    SqlScope.bind(q, scope);
    return q.bind("from", period.startMillis()).bind("to", period.endMillis());
  }

  /** Criteria with the most failures, most first (ties by name), at most {@code limit}. */
  public List<CriterionFailures> topFailingCriteria(
      Handle h, Scope scope, Period period, int limit) {
    String sql =
        "SELECT a.criterion_id, MIN(a.criterion) AS criterion, COUNT(*) AS answered,"
            + " SUM(a.failed) AS failed FROM evaluation_answers a JOIN evaluations ev"
            + " ON ev.id = a.evaluation_id"
            + (scope.host() != null ? " JOIN tickets t ON t.id = ev.ticket_id" : "")
            + " WHERE a.not_applicable = 0 AND "
            + SqlScope.COUNTED
            + " AND ev.submitted_at >= :from AND ev.submitted_at < :to"
            + SqlScope.evaluationFilter(scope)
            + " GROUP BY a.criterion_id HAVING SUM(a.failed) > 0"
            + " ORDER BY SUM(a.failed) DESC, MIN(a.criterion), a.criterion_id LIMIT :limit";
    return bind(h.createQuery(sql), scope, period)
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new CriterionFailures(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    Kpi.percent(rs.getLong(4), rs.getLong(3))))
        .list();
  }

  /** Root causes of failed answers, most frequent first (RCA). */
  public List<RootCause> rootCauses(Handle h, Scope scope, Period period) {
    String sql =
        "SELECT a.root_causes, COUNT(*) FROM evaluation_answers a JOIN evaluations ev"
            + " ON ev.id = a.evaluation_id"
            + (scope.host() != null ? " JOIN tickets t ON t.id = ev.ticket_id" : "")
            + " WHERE a.failed = 1 AND "
            + SqlScope.COUNTED
            + " AND ev.submitted_at >= :from AND ev.submitted_at < :to"
            + SqlScope.evaluationFilter(scope)
            + " GROUP BY a.root_causes";
    Map<String, Long> counts = new TreeMap<>();
    bind(h.createQuery(sql), scope, period)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> names(e.getKey()).forEach(n -> counts.merge(n, e.getValue(), Long::sum)));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<RootCause> out = new ArrayList<>();
    counts.forEach((k, v) -> out.add(new RootCause(k, v, Kpi.percent(v, total))));
    out.sort(
        Comparator.comparingLong(RootCause::count).reversed().thenComparing(RootCause::rootCause));
    return out;
  }

  /** Names in a stored JSON array: strings, or objects with code, id or name. */
  static List<String> names(String json) {
    List<String> out = new ArrayList<>();
    if (json == null || json.isBlank()) return out;
    JsonNode node = Json.read(json, JsonNode.class);
    for (JsonNode n : node) {
      if (n.isTextual()) out.add(n.asText());
      else
        for (String f : List.of("code", "id", "name"))
          if (n.hasNonNull(f)) {
            out.add(n.get(f).asText());
            break;
          }
    }
    return out;
  }

  /** Dispute rate and outcomes among counted evaluations. */
  public Disputes disputes(Handle h, Scope scope, Period period) {
    String sql =
        "SELECT COUNT(*), SUM(CASE WHEN ev.status = 'DISPUTED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN ev.status = 'AMENDED' THEN 1 ELSE 0 END),"
            + " SUM(CASE WHEN ev.status = 'UPHELD' THEN 1 ELSE 0 END)"
            + evaluations(scope)
            + " AND "
            + SqlScope.COUNTED;
    return bind(h.createQuery(sql), scope, period)
        .map(
            (rs, ctx) -> {
              long n = rs.getLong(1);
              long open = rs.getLong(2);
              long amended = rs.getLong(3);
              long upheld = rs.getLong(4);
              long disputed = open + amended + upheld;
              return new Disputes(n, disputed, Kpi.percent(disputed, n), open, amended, upheld);
            })
        .one();
  }

  /**
   * Per QC: mean (signed) and mean absolute deviation from the mean score of each calibrated
   * ticket's CALIBRATION evaluations (tickets with at least two); empty without calibrations.
   */
  public List<Calibration> calibration(Handle h, Scope scope, Period period) {
    String sql =
        "WITH c AS (SELECT ev.ticket_id, ev.qc_id, ev.score"
            + evaluations(scope)
            + " AND ev.kind = 'CALIBRATION' AND ev.status <> 'DRAFT' AND ev.score IS NOT NULL),"
            + " m AS (SELECT ticket_id, AVG(score) AS mean FROM c GROUP BY ticket_id"
            + " HAVING COUNT(*) >= 2)"
            + " SELECT c.qc_id, u.name, COUNT(*), AVG(c.score - m.mean), AVG(ABS(c.score - m.mean))"
            + " FROM c JOIN m ON m.ticket_id = c.ticket_id LEFT JOIN users u ON u.id = c.qc_id"
            + " GROUP BY c.qc_id, u.name ORDER BY AVG(ABS(c.score - m.mean)) DESC, c.qc_id";
    return bind(h.createQuery(sql), scope, period)
        .map(
            (rs, ctx) ->
                new Calibration(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    Kpi.round(rs.getDouble(4)),
                    Kpi.round(rs.getDouble(5))))
        .list();
  }

  /** Sampling decisions in the period, and selected tickets by reason. */
  public Sampling sampling(Handle h, Scope scope, Period period) {
    StringBuilder where = new StringBuilder(" WHERE d.decided_at >= :from AND d.decided_at < :to");
    if (scope.teamIds() != null) where.append(" AND d.team_id IN (<teams>)");
    if (scope.agentId() != null) where.append(" AND d.agent_id = :agentId");
    String join = scope.host() != null ? " JOIN tickets t ON t.id = d.ticket_id" : "";
    if (scope.host() != null) where.append(" AND t.host = :host");
    long[] totals = {0, 0};
    Map<String, Long> byReason = new LinkedHashMap<>();
    bind(
            h.createQuery(
                "SELECT d.selected, d.reasons, COUNT(*) FROM sample_decisions d"
                    + join
                    + where
                    + " GROUP BY d.selected, d.reasons ORDER BY d.reasons"),
            scope,
            period)
        .map((rs, ctx) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getLong(3)})
        .forEach(
            r -> {
              long n = (Long) r[2];
              totals[0] += n;
              if ((Integer) r[0] == 1) {
                totals[1] += n;
                names((String) r[1]).forEach(reason -> byReason.merge(reason, n, Long::sum));
              }
            });
    return new Sampling(totals[0], totals[1], byReason);
  }
}
