package io.qccompanion.server.sampling;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What a policy would select on past tickets, computed in memory and never stored: the same rules
 * as {@link SamplingEngine} (tiers as of now, weekly caps and top-ups counted from zero).
 */
final class PolicyPreview {
  static final int MAX_LISTED = 500;
  private final Clock clock;
  private final CompetencyTiers tiers;

  PolicyPreview(Clock clock, CompetencyTiers tiers) {
    this.clock = clock;
    this.tiers = tiers;
  }

  /** One would-be selection. */
  record Pick(String ticketId, String agentId, String tier, List<String> reasons) {}

  /**
   * The preview's totals and up to {@link #MAX_LISTED} picks.
   *
   * @param pairs (ticket, agent) pairs in the window
   */
  record Result(
      String teamId,
      Instant from,
      Instant to,
      int pairs,
      int selected,
      double selectedShare,
      Map<String, Integer> byReason,
      Map<String, Integer> byTier,
      int overMax,
      int toppedUp,
      List<Pick> picks,
      boolean truncated) {}

  Result run(Handle h, String teamId, Instant from, Instant to, SamplingPolicy policy) {
    Instant now = clock.instant();
    Map<String, TierAssessment> tierByAgent = new HashMap<>();
    Map<String, List<Selection.Outcome>> byWeek = new LinkedHashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    List<Selection.Outcome> outcomes = new ArrayList<>();
    for (Candidate c : Candidates.solvedIn(h, from, to, teamId, false)) {
      var tier = tierByAgent.computeIfAbsent(c.agentId(), a -> tiers.assess(h, a, policy.tiers()));
      String key = c.agentId() + "|" + Weeks.start(c.solvedAt());
      var o = Selection.decide(c, tier, policy, counts.getOrDefault(key, 0));
      if (o.selected()) counts.merge(key, 1, Integer::sum);
      outcomes.add(o);
      byWeek.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
    }
    int toppedUp = 0;
    Map<Selection.Outcome, List<String>> topped = new IdentityHashMap<>();
    for (var week : byWeek.entrySet()) {
      var first = week.getValue().get(0);
      int missing = policy.quota().minPerWeek() - counts.getOrDefault(week.getKey(), 0);
      if (missing <= 0 || !Selection.topUpDue(first.weekStart(), policy, now)) continue;
      var pool =
          week.getValue().stream()
              .filter(o -> !o.selected())
              .sorted(Comparator.comparingDouble(Selection.Outcome::draw))
              .limit(missing)
              .toList();
      pool.forEach(o -> topped.put(o, List.of(Selection.QUOTA_TOPUP)));
      toppedUp += pool.size();
    }
    Map<String, Integer> byReason = new HashMap<>();
    Map<String, Integer> byTier = new HashMap<>();
    List<Pick> picks = new ArrayList<>();
    int selected = 0;
    int overMax = 0;
    for (var o : outcomes) {
      byTier.merge(o.tier().name(), 1, Integer::sum);
      if (o.overMax()) overMax++;
      List<String> reasons = topped.getOrDefault(o, o.selected() ? o.reasons() : null);
      if (reasons == null) continue;
      selected++;
      reasons.forEach(r -> byReason.merge(r, 1, Integer::sum));
      if (picks.size() < MAX_LISTED)
        picks.add(
            new Pick(o.candidate().ticketId(), o.candidate().agentId(), o.tier().name(), reasons));
    }
    double share = outcomes.isEmpty() ? 0 : (double) selected / outcomes.size();
    return new Result(
        teamId,
        from,
        to,
        outcomes.size(),
        selected,
        share,
        byReason,
        byTier,
        overMax,
        toppedUp,
        picks,
        selected > picks.size());
  }
}
