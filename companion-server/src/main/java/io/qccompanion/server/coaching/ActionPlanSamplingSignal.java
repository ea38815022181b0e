package io.qccompanion.server.coaching;

import io.qccompanion.server.sampling.RaisedSamplingSignal;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Keeps an agent at raised sampling while they have an open action plan or an unresolved compliance
 * escalation, so the follow-up review has fresh evaluations to measure.
 */
final class ActionPlanSamplingSignal implements RaisedSamplingSignal {

  @Override
  public String raisedBecause(Handle h, String agentId, Instant now) {
    var plan =
        h.createQuery(
                """
                SELECT goal FROM action_plans WHERE agent_id = :a AND status = 'OPEN'
                  AND started_at <= :now ORDER BY started_at DESC, id LIMIT 1
                """)
            .bind("a", agentId)
            .bind("now", now.toEpochMilli())
            .mapTo(String.class)
            .findOne();
    if (plan.isPresent()) return "open action plan '" + plan.get() + "'";
    return h.createQuery(
            """
            SELECT severity FROM compliance_escalations WHERE agent_id = :a AND status <> 'RESOLVED'
              AND created_at <= :now ORDER BY created_at DESC, id LIMIT 1
            """)
        .bind("a", agentId)
        .bind("now", now.toEpochMilli())
        .mapTo(String.class)
        .findOne()
        .map(severity -> "open compliance escalation (" + severity + ")")
        .orElse(null);
  }
}
