package io.qccompanion.server.pages;

import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The ticket facts and sample decision the scoring panel shows, read in one query each. */
record PanelTicket(Map<String, Object> ticket, Optional<Map<String, Object>> sample) {
  private static final String TICKET =
      """
      SELECT t.id, t.connection_id, t.host, t.external_id, t.ticket_key, t.subject, t.status, t.channel,
             t.agent_id, a.name AS agent_name, t.team_id, tm.name AS team_name, t.solved_at,
             t.reopen_count, t.reply_count, t.handle_time_seconds, t.first_reply_minutes,
             t.csat_rating, t.csat_score, t.csat_comment, t.url
      FROM tickets t
      LEFT JOIN agents a ON a.id = t.agent_id
      LEFT JOIN teams tm ON tm.id = t.team_id
      WHERE t.id = :id OR (t.connection_id = :connection AND t.external_id = :external)""";

  private static final String SAMPLE =
      """
      SELECT s.id, s.selected, s.tier, s.reasons, s.assigned_qc_id, u.name AS assigned_qc_name,
             s.due_at, s.status
      FROM sample_decisions s LEFT JOIN users u ON u.id = s.assigned_qc_id
      WHERE s.ticket_id = :ticket
      ORDER BY s.selected DESC, s.decided_at DESC""";

  /** The ticket by companion id, or by connection and host id. */
  static Optional<PanelTicket> find(Handle h, String ticketId, String connection, String external) {
    return h.createQuery(TICKET)
        .bind("id", ticketId == null ? "" : ticketId)
        .bind("connection", connection == null ? "" : connection)
        .bind("external", external == null ? "" : external)
        .mapToMap()
        .findFirst()
        .map(
            t ->
                new PanelTicket(
                    t, h.createQuery(SAMPLE).bind("ticket", t.get("id")).mapToMap().findFirst()));
  }

  /** The JSON stored with the ticket (its tags). */
  static Optional<String> payload(Handle h, String ticketId) {
    return h.createQuery("SELECT payload FROM tickets WHERE id = :id")
        .bind("id", ticketId)
        .mapTo(String.class)
        .findOne();
  }

  String id() {
    return (String) ticket.get("id");
  }

  boolean selected() {
    return sample.map(s -> ((Number) s.get("selected")).intValue() == 1).orElse(false);
  }
}
