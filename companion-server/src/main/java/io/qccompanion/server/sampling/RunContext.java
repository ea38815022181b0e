package io.qccompanion.server.sampling;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Per-run caches: policies per team, tiers per agent, selections per agent-week. */
final class RunContext {
  private final Handle h;
  private final SamplingPolicies policies;
  private final CompetencyTiers tiers;
  private final Map<String, SamplingPolicies.Effective> policyByTeam = new HashMap<>();
  private final Map<String, TierAssessment> tierByAgent = new HashMap<>();
  private final Map<String, Integer> weekCounts = new HashMap<>();

  RunContext(Handle h, SamplingPolicies policies, CompetencyTiers tiers) {
    this.h = h;
    this.policies = policies;
    this.tiers = tiers;
  }

  SamplingPolicies.Effective policy(String teamId) {
    return policyByTeam.computeIfAbsent(
        teamId == null ? "" : teamId, k -> policies.effective(h, teamId));
  }

  TierAssessment tier(String agentId, SamplingPolicy policy) {
    return tierByAgent.computeIfAbsent(agentId, a -> tiers.assess(h, a, policy.tiers()));
  }

  /** Selections (not replaced) of the agent in the week, stored plus made in this run. */
  int weekCount(String key, String agentId, Instant weekStart) {
    return weekCounts.computeIfAbsent(key, k -> selectedInWeek(h, agentId, weekStart));
  }

  void counted(String key) {
    weekCounts.merge(key, 1, Integer::sum);
  }

  static int selectedInWeek(Handle h, String agentId, Instant weekStart) {
    return h.createQuery(
            """
            SELECT COUNT(*) FROM sample_decisions
            WHERE agent_id = :agent AND week_start = :week AND selected = 1 AND status <> 'REPLACED'""")
        .bind("agent", agentId)
        .bind("week", weekStart.toEpochMilli())
        .mapTo(Integer.class)
        .one();
  }
}
