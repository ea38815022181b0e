package io.qccompanion.server.sampling;

import java.util.List;

/**
 * How a team's tickets are sampled (stored as JSON in {@code sampling_policies.config}). Omitted
 * fields take the value of {@link #DEFAULTS}; the sampling routes check ranges.
 *
 * @param seed mixed into the deterministic draw; changing it re-rolls which tickets are picked
 * @param dueBusinessDays business days (Mon–Fri, UTC) from selection to the due date
 */
record SamplingPolicy(
    String seed,
    Rates rates,
    Tiers tiers,
    Triggers triggers,
    Quota quota,
    Integer dueBusinessDays) {

  /** Documented defaults: see docs/sampling.md. */
  public static final SamplingPolicy DEFAULTS =
      new SamplingPolicy(
          "qc-companion",
          new Rates(0.25, 0.08, 0.03, 0.20),
          new Tiers(20, 4, 10, 90.0, 5, 80.0, 30, 3),
          new Triggers(true, true, 1800L, List.of(), List.of()),
          new Quota(2, 15, 2),
          3);

  /**
   * Share of an agent's tickets picked at random per tier, each 0..1.
   *
   * @param newAgent rate for {@link Tier#NEW}
   */
  public record Rates(Double newAgent, Double standard, Double proven, Double atRisk) {
    /** The rate of {@code tier}. */
    public double of(Tier tier) {
      return switch (tier) {
        case NEW -> newAgent;
        case STANDARD -> standard;
        case PROVEN -> proven;
        case AT_RISK -> atRisk;
      };
    }
  }

  /**
   * Tier rules.
   *
   * @param newTickets N: an agent stays NEW until N evaluated tickets …
   * @param newWeeks W: … and W weeks since they started (whichever comes later)
   * @param provenWindow K: PROVEN when the mean of the last K evaluations ≥ target, no critical
   * @param target quality target in percent (SOP default 90)
   * @param atRiskWindow evaluations in the rolling mean compared with {@code atRiskThreshold}
   * @param atRiskThreshold AT_RISK when that rolling mean falls below this percent
   * @param criticalDays D: a critical fail within D days makes the agent AT_RISK
   * @param recoveryCount R: AT_RISK ends when the last R evaluations are all ≥ target
   */
  public record Tiers(
      Integer newTickets,
      Integer newWeeks,
      Integer provenWindow,
      Double target,
      Integer atRiskWindow,
      Double atRiskThreshold,
      Integer criticalDays,
      Integer recoveryCount) {}

  /**
   * Conditions that always sample a ticket, named in its reasons as {@code TRIGGER:<name>}.
   *
   * @param handleTimeSeconds sample when handle time exceeds this; 0 turns the trigger off
   * @param tags sample tickets carrying any of these tags ({@code TRIGGER:tag:<tag>})
   * @param keywords sample tickets whose subject contains a word ({@code TRIGGER:keyword:<w>})
   */
  public record Triggers(
      Boolean badCsat,
      Boolean reopened,
      Long handleTimeSeconds,
      List<String> tags,
      List<String> keywords) {}

  /**
   * Selected tickets per agent per ISO week (Monday 00:00 UTC).
   *
   * @param maxPerWeek random picks stop at this count; triggers still sample
   * @param topUpDays within this many days of the week's end, agents under the minimum are topped
   *     up from their unsampled tickets of the week
   */
  public record Quota(Integer minPerWeek, Integer maxPerWeek, Integer topUpDays) {}

  /** This policy with every omitted field taken from {@code d}. */
  public SamplingPolicy withDefaults(SamplingPolicy d) {
    Rates r = rates == null ? d.rates : rates;
    Tiers t = tiers == null ? d.tiers : tiers;
    Triggers g = triggers == null ? d.triggers : triggers;
    Quota q = quota == null ? d.quota : quota;
    return new SamplingPolicy(
        or(seed, d.seed),
        new Rates(
            or(r.newAgent, d.rates.newAgent),
            or(r.standard, d.rates.standard),
            or(r.proven, d.rates.proven),
            or(r.atRisk, d.rates.atRisk)),
        new Tiers(
            or(t.newTickets, d.tiers.newTickets),
            or(t.newWeeks, d.tiers.newWeeks),
            or(t.provenWindow, d.tiers.provenWindow),
            or(t.target, d.tiers.target),
            or(t.atRiskWindow, d.tiers.atRiskWindow),
            or(t.atRiskThreshold, d.tiers.atRiskThreshold),
            or(t.criticalDays, d.tiers.criticalDays),
            or(t.recoveryCount, d.tiers.recoveryCount)),
        new Triggers(
            or(g.badCsat, d.triggers.badCsat),
            or(g.reopened, d.triggers.reopened),
            or(g.handleTimeSeconds, d.triggers.handleTimeSeconds),
            or(g.tags, d.triggers.tags),
            or(g.keywords, d.triggers.keywords)),
        new Quota(
            or(q.minPerWeek, d.quota.minPerWeek),
            or(q.maxPerWeek, d.quota.maxPerWeek),
            or(q.topUpDays, d.quota.topUpDays)),
        or(dueBusinessDays, d.dueBusinessDays));
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
