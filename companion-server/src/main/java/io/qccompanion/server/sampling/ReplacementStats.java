package io.qccompanion.server.sampling;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Replacements per policy, team and reason: a policy that picks tickets not worth grading shows.
 */
final class ReplacementStats {
  private ReplacementStats() {}

  /** Replacements with one (normalised) reason under one policy and team. */
  record ByReason(String policyId, String teamId, String reason, int count) {}

  /** Selections and replacements under one policy and team; rate = replaced / selected. */
  record ByPolicy(
      String policyId, String teamId, int selected, int replaced, double replacementRate) {}

  record Result(Instant from, Instant to, List<ByReason> byReason, List<ByPolicy> byPolicy) {}

  static Result of(Handle h, Instant from, Instant to, String teamId, Set<String> scope) {
    var reasons =
        h
            .createQuery(
                """
                SELECT policy_id, team_id, reason, COUNT(*) AS n FROM sample_replacements
                WHERE at >= :from AND at < :to
                GROUP BY policy_id, team_id, reason ORDER BY n DESC, reason""")
            .bind("from", from.toEpochMilli())
            .bind("to", to.toEpochMilli())
            .map(
                (rs, c) ->
                    new ByReason(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
            .list()
            .stream()
            .filter(r -> visible(r.teamId(), teamId, scope))
            .toList();
    var policies =
        h
            .createQuery(
                """
                SELECT policy_id, team_id,
                  SUM(CASE WHEN selected = 1 THEN 1 ELSE 0 END) AS selected,
                  SUM(CASE WHEN status = 'REPLACED' THEN 1 ELSE 0 END) AS replaced
                FROM sample_decisions WHERE decided_at >= :from AND decided_at < :to
                GROUP BY policy_id, team_id HAVING SUM(CASE WHEN selected = 1 THEN 1 ELSE 0 END) > 0
                ORDER BY policy_id, team_id""")
            .bind("from", from.toEpochMilli())
            .bind("to", to.toEpochMilli())
            .map(
                (rs, c) -> {
                  int selected = rs.getInt(3);
                  int replaced = rs.getInt(4);
                  return new ByPolicy(
                      rs.getString(1),
                      rs.getString(2),
                      selected,
                      replaced,
                      (double) replaced / selected);
                })
            .list()
            .stream()
            .filter(r -> visible(r.teamId(), teamId, scope))
            .toList();
    return new Result(from, to, reasons, policies);
  }

  private static boolean visible(String rowTeam, String teamId, Set<String> scope) {
    if (teamId != null && !teamId.equals(rowTeam)) return false;
    return scope.isEmpty() || scope.contains(rowTeam);
  }
}
