package io.qccompanion.server.sampling;

import io.qccompanion.server.domain.Json;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Near a week's end, brings agents under their weekly minimum up to it with their skipped tickets
 * of that week, lowest draw first (deterministic).
 */
final class QuotaTopUp {
  private final SamplingPolicies policies;

  QuotaTopUp(SamplingPolicies policies) {
    this.policies = policies;
  }

  record AgentWeek(String agentId, String teamId, int selected) {}

  /** Tops up every agent of {@code weeks} whose top-up is due at {@code now}; returns how many. */
  int apply(Handle h, Set<Instant> weeks, Instant now) {
    int added = 0;
    for (Instant week : weeks) {
      List<AgentWeek> agents =
          h.createQuery(
                  """
                  SELECT agent_id, MAX(team_id) AS team_id,
                    SUM(CASE WHEN selected = 1 AND status <> 'REPLACED' THEN 1 ELSE 0 END) AS n
                  FROM sample_decisions WHERE week_start = :week AND agent_id IS NOT NULL
                  GROUP BY agent_id ORDER BY agent_id""")
              .bind("week", week.toEpochMilli())
              .map((rs, ctx) -> new AgentWeek(rs.getString(1), rs.getString(2), rs.getInt(3)))
              .list();
      for (AgentWeek a : agents) {
        SamplingPolicy p = policies.effective(h, a.teamId()).config();
        int missing = p.quota().minPerWeek() - a.selected();
        if (missing <= 0 || !Selection.topUpDue(week, p, now)) continue;
        added += topUp(h, a.agentId(), week, missing, p, now);
      }
    }
    return added;
  }

  private int topUp(
      Handle h, String agentId, Instant week, int missing, SamplingPolicy p, Instant now) {
    List<String> ids =
        h.createQuery(
                """
                SELECT id FROM sample_decisions
                WHERE agent_id = :agent AND week_start = :week AND status = 'SKIPPED'
                ORDER BY draw, id LIMIT :n""")
            .bind("agent", agentId)
            .bind("week", week.toEpochMilli())
            .bind("n", missing)
            .mapTo(String.class)
            .list();
    for (String id : ids)
      h.createUpdate(
              """
              UPDATE sample_decisions SET selected = 1, status = 'OPEN', reasons = :reasons,
                due_at = :due, decided_at = :now WHERE id = :id""")
          .bind("reasons", Json.write(List.of(Selection.QUOTA_TOPUP)))
          .bind("due", Weeks.plusBusinessDays(now, p.dueBusinessDays()).toEpochMilli())
          .bind("now", now.toEpochMilli())
          .bind("id", id)
          .execute();
    return ids.size();
  }
}
