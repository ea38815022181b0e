package io.qccompanion.server.sampling;

import io.qccompanion.server.domain.Invalid;
import java.util.List;

/** Range checks on a complete policy; each failure names the field as a JSON pointer. */
final class PolicyRules {
  private PolicyRules() {}

  /** Returns {@code p} or throws a 400 naming the first bad field under {@code prefix}. */
  static SamplingPolicy validate(SamplingPolicy p, String prefix) {
    if (p.seed().isBlank()) throw Invalid.malformed(prefix + "/seed", "seed must not be blank");
    rate(p.rates().newAgent(), prefix + "/rates/newAgent");
    rate(p.rates().standard(), prefix + "/rates/standard");
    rate(p.rates().proven(), prefix + "/rates/proven");
    rate(p.rates().atRisk(), prefix + "/rates/atRisk");
    var t = p.tiers();
    atLeast(t.newTickets(), 1, prefix + "/tiers/newTickets");
    atLeast(t.newWeeks(), 0, prefix + "/tiers/newWeeks");
    atLeast(t.provenWindow(), 1, prefix + "/tiers/provenWindow");
    percent(t.target(), prefix + "/tiers/target");
    atLeast(t.atRiskWindow(), 1, prefix + "/tiers/atRiskWindow");
    percent(t.atRiskThreshold(), prefix + "/tiers/atRiskThreshold");
    if (t.atRiskThreshold() > t.target())
      throw Invalid.malformed(
          prefix + "/tiers/atRiskThreshold", "atRiskThreshold must not exceed target");
    atLeast(t.criticalDays(), 0, prefix + "/tiers/criticalDays");
    atLeast(t.recoveryCount(), 1, prefix + "/tiers/recoveryCount");
    if (p.triggers().handleTimeSeconds() < 0)
      throw Invalid.malformed(
          prefix + "/triggers/handleTimeSeconds", "handleTimeSeconds must be ≥ 0 (0 = off)");
    words(p.triggers().tags(), prefix + "/triggers/tags");
    words(p.triggers().keywords(), prefix + "/triggers/keywords");
    var q = p.quota();
    atLeast(q.minPerWeek(), 0, prefix + "/quota/minPerWeek");
    atLeast(q.maxPerWeek(), 0, prefix + "/quota/maxPerWeek");
    if (q.minPerWeek() > q.maxPerWeek())
      throw Invalid.malformed(prefix + "/quota/minPerWeek", "minPerWeek must be ≤ maxPerWeek");
    if (q.topUpDays() < 0 || q.topUpDays() > 7)
      throw Invalid.malformed(prefix + "/quota/topUpDays", "topUpDays must be between 0 and 7");
    if (p.dueBusinessDays() < 0 || p.dueBusinessDays() > 60)
      throw Invalid.malformed(
          prefix + "/dueBusinessDays", "dueBusinessDays must be between 0 and 60");
    return p;
  }

  private static void rate(double value, String field) {
    if (Double.isNaN(value) || value < 0 || value > 1)
      throw Invalid.malformed(field, field.substring(field.lastIndexOf('/') + 1) + " must be 0..1");
  }

  private static void percent(double value, String field) {
    if (Double.isNaN(value) || value < 0 || value > 100)
      throw Invalid.malformed(
          field, field.substring(field.lastIndexOf('/') + 1) + " must be 0..100 (percent)");
  }

  private static void atLeast(int value, int min, String field) {
    if (value < min)
      throw Invalid.malformed(
          field, field.substring(field.lastIndexOf('/') + 1) + " must be ≥ " + min);
  }

  private static void words(List<String> values, String field) {
    for (int i = 0; i < values.size(); i++)
      if (values.get(i) == null || values.get(i).isBlank())
        throw Invalid.malformed(field + "/" + i, "must not be blank");
  }
}
