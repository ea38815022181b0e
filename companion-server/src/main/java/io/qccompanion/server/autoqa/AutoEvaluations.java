package io.qccompanion.server.autoqa;

import io.qccompanion.server.domain.Json;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The store of automatic evaluations: what is due, saving a result, reading one back. */
final class AutoEvaluations {
  /** A closed ticket whose automatic evaluation is missing or stale, and whose rules score it. */
  public record Due(String ticketId, long updatedAt, String teamId) {}

  /**
   * Closed tickets never scored, changed since (the ticket or its stored conversation), or scored
   * with another rule-set version than their team's rules give now, oldest id first so that a
   * crashed run resumes where it stopped.
   */
  public List<Due> due(Handle h, RuleBook rules, int limit) {
    return rules
        .bind(
            h.createQuery(
                """
                SELECT t.id, t.updated_at, %s AS rules_team FROM tickets t
                %s
                LEFT JOIN auto_evaluations a ON a.ticket_id = t.id
                LEFT JOIN conversations c ON c.connection_id = t.connection_id
                  AND c.ticket_external_id = t.external_id
                WHERE t.solved_at IS NOT NULL
                  AND (a.ticket_id IS NULL OR a.ticket_updated_at <> t.updated_at
                       OR a.rule_set_version <> %s OR c.updated_at > a.scored_at)
                ORDER BY t.id LIMIT :limit"""
                    .formatted(
                        RuleBook.TICKET_TEAM, RuleBook.JOIN_AGENT, rules.expectedVersionSql())))
        .bind("limit", limit)
        .map((rs, ctx) -> new Due(rs.getString(1), rs.getLong(2), rs.getString(3)))
        .list();
  }

  /** Stores a result (null: the ticket has no conversation), replacing an earlier one. */
  public void save(Handle h, Due ticket, String ruleSetVersion, AutoQaResult result, Instant now) {
    h.createUpdate("DELETE FROM auto_check_results WHERE ticket_id = ?")
        .bind(0, ticket.ticketId())
        .execute();
    h.createUpdate("DELETE FROM auto_evaluations WHERE ticket_id = ?")
        .bind(0, ticket.ticketId())
        .execute();
    h.createUpdate(
            """
            INSERT INTO auto_evaluations (ticket_id, ticket_updated_at, rule_set_version, status,
              language, language_confidence, result, scored_at)
            VALUES (:ticket, :updated, :version, :status, :language, :confidence, :result, :now)""")
        .bind("ticket", ticket.ticketId())
        .bind("updated", ticket.updatedAt())
        .bind("version", ruleSetVersion)
        .bind("status", result == null ? "NO_CONVERSATION" : "SCORED")
        .bind("language", result == null ? null : result.language())
        .bind("confidence", result == null ? null : result.languageConfidence())
        .bind("result", result == null ? null : Json.write(result))
        .bind("now", now.toEpochMilli())
        .execute();
    if (result == null) return;
    var batch =
        h.prepareBatch(
            """
            INSERT INTO auto_check_results (ticket_id, check_id, value, pass, confidence)
            VALUES (:ticket, :check, :value, :pass, :confidence)""");
    for (CheckResult c : result.checks())
      batch
          .bind("ticket", ticket.ticketId())
          .bind("check", c.check())
          .bind("value", c.value())
          .bind("pass", c.pass() == null ? null : c.pass() ? 1 : 0)
          .bind("confidence", c.confidence())
          .add();
    batch.execute();
  }

  /** The stored result of a ticket, empty when it was not scored (or had no conversation). */
  public Optional<AutoQaResult> find(Handle h, String ticketId) {
    return h.createQuery(
            "SELECT result FROM auto_evaluations WHERE ticket_id = ? AND status = 'SCORED'")
        .bind(0, ticketId)
        .mapTo(String.class)
        .findOne()
        .map(json -> Json.read(json, AutoQaResult.class));
  }
}
