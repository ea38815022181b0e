package io.qccompanion.server.sampling;

import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.Millis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Computes agents' competency tiers from their submitted regular evaluations (risk-based checking:
 * heavy checks at first, fewer once competency is shown, more again when it drops).
 */
final class CompetencyTiers {
  static final String COUNTED =
      """
      kind = 'REGULAR' AND status IN ('SUBMITTED', 'DISPUTED', 'AMENDED', 'UPHELD')
      AND submitted_at IS NOT NULL AND submitted_at <= :now""";

  private final Clock clock;
  private final RaisedSamplingSignal raised;

  public CompetencyTiers(Clock clock, RaisedSamplingSignal raised) {
    this.clock = clock;
    this.raised = raised;
  }

  /** One scored evaluation, latest first in lists. */
  record Scored(double score, boolean criticalFail) {}

  /** Assesses {@code agentId} now under {@code tiers}; 404 when the agent does not exist. */
  public TierAssessment assess(Handle h, String agentId, SamplingPolicy.Tiers tiers) {
    Instant now = clock.instant();
    Long startedAt =
        h.createQuery("SELECT started_at FROM agents WHERE id = :id")
            .bind("id", agentId)
            .mapTo(Long.class)
            .findOne()
            .orElseThrow(() -> new NotFound("agent", agentId));
    int window =
        Math.max(tiers.provenWindow(), Math.max(tiers.atRiskWindow(), tiers.recoveryCount()));
    List<Scored> recent =
        h.createQuery(
                "SELECT score, critical_fail FROM evaluations WHERE agent_id = :agent AND "
                    + COUNTED
                    + " AND score IS NOT NULL ORDER BY submitted_at DESC, id DESC LIMIT :n")
            .bind("agent", agentId)
            .bind("now", now.toEpochMilli())
            .bind("n", window)
            .map((rs, ctx) -> new Scored(rs.getDouble(1), rs.getInt(2) == 1))
            .list();
    var totals =
        h.createQuery(
                "SELECT COUNT(*) AS n, MAX(CASE WHEN critical_fail = 1 THEN submitted_at END) AS crit"
                    + " FROM evaluations WHERE agent_id = :agent AND "
                    + COUNTED)
            .bind("agent", agentId)
            .bind("now", now.toEpochMilli())
            .mapToMap()
            .one();
    int count = ((Number) totals.get("n")).intValue();
    Object crit = totals.get("crit");
    Instant lastCritical = Millis.toInstant(crit);
    return classify(
        agentId,
        Instant.ofEpochMilli(startedAt),
        count,
        recent,
        lastCritical,
        raised.raisedBecause(h, agentId, now),
        tiers,
        now);
  }

  /** The tier rules, pure: AT_RISK before NEW before PROVEN; STANDARD otherwise. */
  static TierAssessment classify(
      String agentId,
      Instant startedAt,
      int evaluatedCount,
      List<Scored> recent,
      Instant lastCritical,
      String raisedBecause,
      SamplingPolicy.Tiers t,
      Instant now) {
    Double rolling = mean(recent, t.atRiskWindow(), false);
    Double proven = mean(recent, t.provenWindow(), true);
    boolean criticalRecent =
        lastCritical != null && lastCritical.isAfter(now.minus(Duration.ofDays(t.criticalDays())));
    boolean recovered =
        recent.size() >= t.recoveryCount()
            && recent.subList(0, t.recoveryCount()).stream()
                .allMatch(e -> e.score() >= t.target() && !e.criticalFail());
    long weeks = Math.max(0, Duration.between(startedAt, now).toDays() / 7);
    boolean newPeriod = evaluatedCount < t.newTickets() || weeks < t.newWeeks();
    var inputs =
        new TierAssessment.Inputs(
            startedAt,
            weeks,
            evaluatedCount,
            recent.stream().map(Scored::score).toList(),
            rolling,
            proven,
            lastCritical,
            recovered,
            raisedBecause);
    List<String> reasons = new ArrayList<>();
    if (raisedBecause != null) reasons.add("raised: " + raisedBecause);
    if (!recovered) {
      if (criticalRecent)
        reasons.add("critical fail on " + lastCritical + " (within " + t.criticalDays() + " days)");
      if (rolling != null && rolling < t.atRiskThreshold())
        reasons.add(
            "rolling mean %.1f of last %d < %.1f"
                .formatted(
                    rolling, Math.min(recent.size(), t.atRiskWindow()), t.atRiskThreshold()));
    }
    if (!reasons.isEmpty())
      return new TierAssessment(agentId, Tier.AT_RISK, reasons, newPeriod, inputs);
    if (newPeriod) {
      reasons.add(
          "new: %d of %d evaluated tickets, week %d of %d"
              .formatted(evaluatedCount, t.newTickets(), weeks, t.newWeeks()));
      return new TierAssessment(agentId, Tier.NEW, reasons, true, inputs);
    }
    boolean cleanWindow =
        proven != null
            && recent.subList(0, t.provenWindow()).stream().noneMatch(Scored::criticalFail);
    if (cleanWindow && proven >= t.target()) {
      reasons.add(
          "proven: mean %.1f of last %d ≥ %.1f, no critical fail"
              .formatted(proven, t.provenWindow(), t.target()));
      return new TierAssessment(agentId, Tier.PROVEN, reasons, false, inputs);
    }
    if (recovered && (criticalRecent || (rolling != null && rolling < t.atRiskThreshold())))
      reasons.add("recovered: last " + t.recoveryCount() + " evaluations ≥ " + t.target());
    else reasons.add("standard: not new, not proven, not at risk");
    return new TierAssessment(agentId, Tier.STANDARD, reasons, false, inputs);
  }

  /** Mean of the latest {@code n} scores; with {@code full}, null unless there are n. */
  private static Double mean(List<Scored> recent, int n, boolean full) {
    if (recent.isEmpty() || (full && recent.size() < n)) return null;
    return recent.subList(0, Math.min(n, recent.size())).stream()
        .mapToDouble(Scored::score)
        .average()
        .orElseThrow();
  }
}
