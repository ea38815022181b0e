package io.qccompanion.server.evaluations;

import io.qccompanion.server.domain.Conflict;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Calibration grades on a session's tickets: a participant grades them whatever their team scope,
 * against the session's scorecard version, and only until the session is revealed; nobody else
 * grades them as calibration. Reads the calibration tables directly, because the calibration
 * feature builds on evaluations and not the other way round.
 */
final class CalibrationGate {
  private CalibrationGate() {}

  /** The open session {@code userId} grades {@code ticketId} in. */
  record Membership(String scorecardVersionId) {}

  /**
   * Where {@code userId} may grade {@code ticketId} as calibration: empty when the ticket is in no
   * session (team scope then applies), else the newest open session the grader takes part in.
   * Throws 409 when the ticket is calibrated only in sessions the grader does not take part in or
   * that were revealed, so nobody grades after a reveal or outside their session.
   */
  static Optional<Membership> requireOpen(Handle h, String userId, String ticketId) {
    List<Map<String, Object>> sessions =
        h.createQuery(
                """
                SELECT s.scorecard_version_id AS version,
                  CASE WHEN s.status = 'OPEN' AND EXISTS (SELECT 1 FROM calibration_participants p
                    WHERE p.session_id = s.id AND p.user_id = :user) THEN 1 ELSE 0 END AS mine
                FROM calibration_sessions s
                JOIN calibration_tickets t ON t.session_id = s.id AND t.ticket_id = :ticket
                ORDER BY mine DESC, s.created_at DESC
                """)
            .bind("ticket", ticketId)
            .bind("user", userId)
            .mapToMap()
            .list();
    if (sessions.isEmpty()) return Optional.empty();
    if (((Number) sessions.get(0).get("mine")).intValue() == 0)
      throw new Conflict(
          "ticket '"
              + ticketId
              + "' is calibrated in a session you do not grade or that is revealed");
    return Optional.of(new Membership((String) sessions.get(0).get("version")));
  }
}
