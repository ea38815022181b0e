package io.qccompanion.server.audit;

import io.qccompanion.server.csv.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The audit-log export a reviewer reads without joins: who by name and e-mail, the changed record
 * by its name (a user, team, agent or connection by name, an evaluation or escalation by its ticket
 * key and agent, a coaching record by its agent), and local times. Ticket subjects are left out:
 * the log is kept longer than tickets and outlives their anonymisation.
 */
final class AuditCsv {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  // the record's readable name per entity type; null where the record is gone
  static final String RECORD_NAME =
      """
      CASE
        WHEN ae.entity_type = 'user' THEN (SELECT x.name FROM users x WHERE x.id = ae.entity_id)
        WHEN ae.entity_type = 'agent' THEN (SELECT x.name FROM agents x WHERE x.id = ae.entity_id)
        WHEN ae.entity_type IN ('team', 'kpi_targets')
          THEN (SELECT x.name FROM teams x WHERE x.id = ae.entity_id)
        WHEN ae.entity_type = 'connection'
          THEN (SELECT x.name FROM connections x WHERE x.id = ae.entity_id)
        WHEN ae.entity_type = 'api_token'
          THEN (SELECT x.name FROM api_tokens x WHERE x.id = ae.entity_id)
        WHEN ae.entity_type = 'calibration'
          THEN (SELECT x.title FROM calibration_sessions x WHERE x.id = ae.entity_id)
        WHEN ae.entity_type = 'scorecard_version'
          THEN (SELECT s.name || ' v' || v.version FROM scorecard_versions v
                JOIN scorecards s ON s.id = v.scorecard_id WHERE v.id = ae.entity_id)
        WHEN ae.entity_type IN ('evaluation', 'feedback', 'dispute', 'escalation',
            'sample_decision', 'self_review')
          THEN (SELECT 'ticket ' || COALESCE(t.ticket_key, t.external_id)
                  || COALESCE(' · ' || a.name, '')
                FROM tickets t LEFT JOIN agents a ON a.id = t.agent_id
                WHERE t.id = CASE ae.entity_type
                  WHEN 'evaluation' THEN (SELECT e.ticket_id FROM evaluations e WHERE e.id = ae.entity_id)
                  WHEN 'escalation'
                    THEN (SELECT c.ticket_id FROM compliance_escalations c WHERE c.id = ae.entity_id)
                  WHEN 'sample_decision'
                    THEN (SELECT d.ticket_id FROM sample_decisions d WHERE d.id = ae.entity_id)
                  WHEN 'self_review'
                    THEN (SELECT r.ticket_id FROM self_reviews r WHERE r.id = ae.entity_id)
                  ELSE (SELECT e.ticket_id FROM feedback f JOIN evaluations e
                        ON e.id = f.evaluation_id WHERE f.id = ae.entity_id) END)
        WHEN ae.entity_type IN ('coaching_session', 'action_plan', 'training',
            'production_exception')
          THEN (SELECT a.name FROM agents a WHERE a.id = CASE ae.entity_type
                  WHEN 'coaching_session'
                    THEN (SELECT c.agent_id FROM coaching_sessions c WHERE c.id = ae.entity_id)
                  WHEN 'action_plan'
                    THEN (SELECT c.agent_id FROM action_plans c WHERE c.id = ae.entity_id)
                  WHEN 'training'
                    THEN (SELECT c.agent_id FROM training_records c WHERE c.id = ae.entity_id)
                  ELSE (SELECT c.agent_id FROM production_exceptions c WHERE c.id = ae.entity_id)
                  END)
      END""";

  private AuditCsv() {}

  /** The header; the time column names the zone it is written in. */
  static List<String> header(ZoneId zone) {
    return List.of(
        "event",
        "at (" + zone.getId() + ")",
        "actor",
        "actorEmail",
        "action",
        "recordType",
        "recordId",
        "record",
        "before",
        "after");
  }

  /** One event with its names, as {@link AuditReader#eachNamed} reads it. */
  record Named(AuditEvent event, String actorName, String actorEmail, String recordName) {}

  static void write(Writer w, Named n, ZoneId zone) {
    AuditEvent e = n.event();
    try {
      w.write(
          Csv.line(
              Arrays.asList(
                  e.id(),
                  local(e.at(), zone),
                  n.actorName() == null ? e.actorId() : n.actorName(),
                  n.actorEmail(),
                  e.action(),
                  e.entityType(),
                  e.entityId(),
                  n.recordName(),
                  e.before(),
                  e.after())));
    } catch (IOException io) {
      throw new UncheckedIOException(io);
    }
  }

  static String local(Instant at, ZoneId zone) {
    return LOCAL.format(at.atZone(zone));
  }
}
