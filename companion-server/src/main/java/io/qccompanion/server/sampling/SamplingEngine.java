package io.qccompanion.server.sampling;

import io.qccompanion.server.domain.Json;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * The sampling entry point: decides every undecided (ticket, agent) pair, stores each decision with
 * its reasons, tops up weekly quotas that are due and hands open samples to the {@link Assigner}.
 * Idempotent: pairs that already have a decision are left alone.
 */
public final class SamplingEngine {
  private final Clock clock;
  private final SamplingPolicies policies;
  private final CompetencyTiers tiers;
  private final QuotaTopUp topUp;
  private final Assigner assigner;

  public SamplingEngine(
      Clock clock, SamplingPolicies policies, CompetencyTiers tiers, Assigner assigner) {
    this.clock = clock;
    this.policies = policies;
    this.tiers = tiers;
    this.topUp = new QuotaTopUp(policies);
    this.assigner = assigner;
  }

  /**
   * What one run did.
   *
   * @param considered pairs decided in this run
   * @param overMax selections by triggers beyond the agent's weekly maximum
   * @param toppedUp selections added to reach weekly minimums
   */
  public record Report(
      int considered,
      int selected,
      Map<String, Integer> byReason,
      Map<String, Integer> byTier,
      int overMax,
      int toppedUp,
      Assigner.Report assignment) {}

  /**
   * Samples the given tickets (call in the transaction that stored them and their {@code
   * ticket_agents} rows, e.g. after each sync page), tops up due quotas and assigns open samples.
   */
  public Report sampleTickets(Handle h, Collection<String> ticketIds) {
    return run(h, Candidates.undecided(h, ticketIds));
  }

  /** Samples every undecided ticket solved in [from, to), then tops up and assigns. */
  public Report sampleWindow(Handle h, Instant from, Instant to) {
    return run(h, Candidates.solvedIn(h, from, to, null, true));
  }

  private Report run(Handle h, List<Candidate> candidates) {
    Instant now = clock.instant();
    var context = new RunContext(h, policies, tiers);
    Map<String, Integer> byReason = new HashMap<>();
    Map<String, Integer> byTier = new HashMap<>();
    var weeks = new TreeSet<Instant>();
    int selected = 0;
    int overMax = 0;
    int considered = 0;
    for (Candidate c : candidates) {
      var policy = context.policy(c.teamId());
      var tier = context.tier(c.agentId(), policy.config());
      Instant week = Weeks.start(c.solvedAt());
      String weekKey = c.agentId() + "|" + week;
      int count = context.weekCount(weekKey, c.agentId(), week);
      Selection.Outcome o = Selection.decide(c, tier, policy.config(), count);
      if (!insert(h, o, policy, now)) continue;
      considered++;
      weeks.add(week);
      byTier.merge(o.tier().name(), 1, Integer::sum);
      if (o.selected()) {
        selected++;
        context.counted(weekKey);
        for (String r : o.reasons()) byReason.merge(r, 1, Integer::sum);
      }
      if (o.overMax()) overMax++;
    }
    weeks.add(Weeks.start(now));
    weeks.add(Weeks.start(now).minus(Weeks.WEEK));
    int toppedUp = topUp.apply(h, weeks, now);
    if (toppedUp > 0) byReason.merge(Selection.QUOTA_TOPUP, toppedUp, Integer::sum);
    return new Report(
        considered,
        selected + toppedUp,
        byReason,
        byTier,
        overMax,
        toppedUp,
        assigner.assignOpen(h));
  }

  /**
   * Tops up this week's and last week's quotas with no new tickets needed, then assigns what it
   * added; a scheduled job, so an agent under their weekly minimum is topped up even in a quiet
   * week. Returns how many tickets were added.
   */
  public int topUpDue(Handle h) {
    Instant now = clock.instant();
    int added =
        topUp.apply(
            h, new TreeSet<>(List.of(Weeks.start(now), Weeks.start(now).minus(Weeks.WEEK))), now);
    if (added > 0) assigner.assignOpen(h);
    return added;
  }

  private boolean insert(
      Handle h, Selection.Outcome o, SamplingPolicies.Effective policy, Instant now) {
    Candidate c = o.candidate();
    return h.createUpdate(
                """
                INSERT INTO sample_decisions (id, ticket_id, agent_id, team_id, selected, tier, reasons,
                  stratum, due_at, status, week_start, decided_at, policy_id, draw,
                  inclusion_probability)
                VALUES (:id, :ticket, :agent, :team, :selected, :tier, :reasons, :stratum, :due,
                  :status, :week, :now, :policy, :draw, :probability)
                ON CONFLICT (ticket_id, agent_id) DO NOTHING""")
            .bind("id", Ids.newId())
            .bind("ticket", c.ticketId())
            .bind("agent", c.agentId())
            .bind("team", c.teamId())
            .bind("selected", o.selected() ? 1 : 0)
            .bind("tier", o.tier().name())
            .bind("reasons", Json.write(o.reasons()))
            .bind("stratum", o.stratum())
            .bind(
                "due",
                o.selected()
                    ? Weeks.plusBusinessDays(now, policy.config().dueBusinessDays()).toEpochMilli()
                    : null)
            .bind("status", o.selected() ? SampleStatus.OPEN : SampleStatus.SKIPPED)
            .bind("week", o.weekStart().toEpochMilli())
            .bind("now", now.toEpochMilli())
            .bind("policy", policy.id())
            .bind("draw", o.draw())
            .bind("probability", o.inclusionProbability())
            .execute()
        == 1;
  }
}
