package io.qccompanion.server.retention;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.evaluations.EvaluationListener;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Purges or anonymises records older than the retention period (default 12 months, our SOP's
 * recommendation; 1 to 120 allowed): evaluations with their revisions, answers, outbox rows,
 * feedback and escalations (comments and coaching text go with them); workflow records; ticket
 * subjects, requesters and conversations (anonymised); audit actors and snapshots; users
 * deactivated longer than the period ({@link PersonalData}). Audited.
 */
final class RetentionJob {
  static final int DEFAULT_MONTHS = 12;
  private static final String OLD_EVALUATIONS =
      "SELECT id FROM evaluations WHERE COALESCE(submitted_at, created_at) < :cutoff";
  private static final String OLD_TICKETS =
      "SELECT id FROM tickets WHERE updated_at < :cutoff AND payload NOT LIKE '%\"purgedAt\"%'";
  // (table, counting/deleting condition) in a foreign-key-safe order.
  private static final List<String[]> PURGES =
      List.of(
          new String[] {
            "feedback", "evaluation_id IN (" + OLD_EVALUATIONS + ") OR created_at < :cutoff"
          },
          new String[] {
            "compliance_escalations",
            "evaluation_id IN (" + OLD_EVALUATIONS + ") OR created_at < :cutoff"
          },
          new String[] {"outbox", "evaluation_id IN (" + OLD_EVALUATIONS + ")"},
          new String[] {"evaluation_answers", "evaluation_id IN (" + OLD_EVALUATIONS + ")"},
          new String[] {"evaluation_revisions", "evaluation_id IN (" + OLD_EVALUATIONS + ")"},
          new String[] {"evaluations", "id IN (" + OLD_EVALUATIONS + ")"},
          new String[] {"coaching_sessions", "held_at < :cutoff"},
          new String[] {"action_plans", "created_at < :cutoff AND status <> 'OPEN'"},
          new String[] {"training_records", "assigned_at < :cutoff"},
          new String[] {"self_reviews", "created_at < :cutoff"},
          new String[] {"calibration_sessions", "created_at < :cutoff"});
  // ticket payload fields that name or quote people (the conversation is emptied separately)
  private static final List<String> PERSONAL_PAYLOAD_FIELDS =
      List.of(
          "subject",
          "requesterId",
          "requester",
          "requesterName",
          "requesterEmail",
          "description",
          "customFields",
          "csatComment");
  private final Clock clock;
  private final AuditLog audit;
  private final EvaluationListener beforeDelete;

  /**
   * @param beforeDelete told about each evaluation about to be purged (aggregates retract it)
   */
  public RetentionJob(Clock clock, AuditLog audit, EvaluationListener beforeDelete) {
    this.clock = clock;
    this.audit = audit;
    this.beforeDelete = beforeDelete;
  }

  /** The retention period in months. */
  public int months(Handle h) {
    return h.createQuery("SELECT months FROM retention_settings WHERE id = 'default'")
        .mapTo(Integer.class)
        .findOne()
        .orElse(DEFAULT_MONTHS);
  }

  /** Saves the retention period (audited). */
  public int setMonths(Handle h, String actorId, int months) {
    int before = months(h);
    h.createUpdate(
            """
            INSERT INTO retention_settings (id, months, updated_at, updated_by) VALUES ('default', :m, :at, :by)
            ON CONFLICT (id) DO UPDATE SET months = excluded.months, updated_at = excluded.updated_at,
              updated_by = excluded.updated_by
            """)
        .bind("m", months)
        .bind("at", clock.millis())
        .bind("by", actorId)
        .execute();
    audit.record(
        h,
        actorId,
        "retention.settings",
        "retention",
        "default",
        Map.of("months", before),
        Map.of("months", months));
    return months;
  }

  /** Counts (dry run) or purges/anonymises what is past the period; returns counts per table. */
  public Map<String, Object> run(Handle h, String actorId, boolean dryRun) {
    int months = months(h);
    long cutoff =
        clock.instant().atZone(ZoneOffset.UTC).minusMonths(months).toInstant().toEpochMilli();
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (!dryRun)
      h.createQuery(OLD_EVALUATIONS)
          .bind("cutoff", cutoff)
          .mapTo(String.class)
          .list()
          .forEach(id -> beforeDelete.changed(h, id));
    for (String[] purge : PURGES) {
      String where = " WHERE " + purge[1];
      int n =
          dryRun
              ? h.createQuery("SELECT COUNT(*) FROM " + purge[0] + where)
                  .bind("cutoff", cutoff)
                  .mapTo(Integer.class)
                  .one()
              : h.createUpdate("DELETE FROM " + purge[0] + where).bind("cutoff", cutoff).execute();
      counts.put(purge[0], n);
    }
    counts.put("tickets (conversation anonymised)", anonymiseTickets(h, cutoff, dryRun));
    PersonalData.forget(h, clock.millis(), cutoff, dryRun, counts);
    String auditWhere = " WHERE at < :cutoff AND actor_id IS NOT NULL AND actor_id <> 'anonymised'";
    counts.put(
        "audit_events (actor anonymised)",
        dryRun
            ? h.createQuery("SELECT COUNT(*) FROM audit_events" + auditWhere)
                .bind("cutoff", cutoff)
                .mapTo(Integer.class)
                .one()
            : h.createUpdate("UPDATE audit_events SET actor_id = 'anonymised'" + auditWhere)
                .bind("cutoff", cutoff)
                .execute());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("dryRun", dryRun);
    result.put("months", months);
    result.put("cutoff", java.time.Instant.ofEpochMilli(cutoff));
    result.put("counts", counts);
    if (!dryRun) audit.record(h, actorId, "retention.run", "retention", null, null, result);
    return result;
  }

  private int anonymiseTickets(Handle h, long cutoff, boolean dryRun) {
    List<Map<String, Object>> rows =
        h.createQuery(OLD_TICKETS.replace("SELECT id", "SELECT id, payload"))
            .bind("cutoff", cutoff)
            .mapToMap()
            .list();
    if (dryRun) return rows.size();
    for (Map<String, Object> row : rows) {
      ObjectNode payload =
          (ObjectNode)
              Json.read((String) row.get("payload"), com.fasterxml.jackson.databind.JsonNode.class);
      payload.putArray("conversation");
      for (String personal : PERSONAL_PAYLOAD_FIELDS) payload.remove(personal);
      if (payload.path("csat").isObject()) ((ObjectNode) payload.get("csat")).remove("comment");
      payload.put("purgedAt", clock.millis());
      h.createUpdate(
              "UPDATE tickets SET payload = :p, subject = NULL, csat_comment = NULL WHERE id = :id")
          .bind("p", Json.write(payload))
          .bind("id", (String) row.get("id"))
          .execute();
      h.createUpdate("UPDATE sample_decisions SET replace_reason = NULL WHERE ticket_id = :id")
          .bind("id", (String) row.get("id"))
          .execute();
      h.createUpdate("DELETE FROM auto_evaluations WHERE ticket_id = :id")
          .bind("id", (String) row.get("id"))
          .execute();
      h.createUpdate(
              """
              DELETE FROM conversations WHERE (connection_id, ticket_external_id) IN
                (SELECT connection_id, external_id FROM tickets WHERE id = :id)""")
          .bind("id", (String) row.get("id"))
          .execute();
      // The stored conversation goes with the ticket's personal data.
      h.createUpdate(
              """
              DELETE FROM messages WHERE (connection_id, ticket_external_id) IN
                (SELECT connection_id, external_id FROM tickets WHERE id = :id)""")
          .bind("id", (String) row.get("id"))
          .execute();
    }
    return rows.size();
  }
}
