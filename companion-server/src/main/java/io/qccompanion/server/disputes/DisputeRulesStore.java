package io.qccompanion.server.disputes;

import io.qccompanion.server.audit.AuditLog;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/** Reads and saves the organisation's dispute rules (one row). */
final class DisputeRulesStore {
  private final Clock clock;
  private final AuditLog audit;

  DisputeRulesStore(Clock clock, AuditLog audit) {
    this.clock = clock;
    this.audit = audit;
  }

  DisputeRules get(Handle h) {
    return h.createQuery(
            "SELECT window_days, max_per_evaluation, scope, sla_days FROM dispute_rules WHERE id = 'default'")
        .map(
            (rs, ctx) ->
                new DisputeRules(
                    rs.getInt("window_days"),
                    rs.getInt("max_per_evaluation"),
                    rs.getString("scope"),
                    rs.getInt("sla_days")))
        .findOne()
        .orElse(DisputeRules.DEFAULTS);
  }

  DisputeRules put(Handle h, DisputeRules raw, String actorId) {
    DisputeRules rules = raw.validated();
    DisputeRules before = get(h);
    h.createUpdate(
            """
            INSERT INTO dispute_rules (id, window_days, max_per_evaluation, scope, sla_days, updated_at, updated_by)
            VALUES ('default', :w, :m, :s, :sla, :at, :by)
            ON CONFLICT (id) DO UPDATE SET window_days = excluded.window_days,
              max_per_evaluation = excluded.max_per_evaluation, scope = excluded.scope,
              sla_days = excluded.sla_days, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """)
        .bind("w", rules.windowDays())
        .bind("m", rules.maxPerEvaluation())
        .bind("s", rules.scope())
        .bind("sla", rules.slaDays())
        .bind("at", clock.millis())
        .bind("by", actorId)
        .execute();
    audit.record(h, actorId, "dispute_rules.update", "dispute_rules", "default", before, rules);
    return rules;
  }
}
