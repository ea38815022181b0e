package io.qccompanion.server.evaluations;

import io.qccompanion.server.domain.Conflict;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Calibration grades on a session's tickets: a participant grades them whatever their team scope,
 * against the session's scorecard version, and only until the session is revealed. Reads the
 * calibration tables directly, because the calibration feature builds on evaluations and not the
 * other way round.
 */
final class CalibrationGate {
  private CalibrationGate() {}

  /** The session {@code userId} grades {@code ticketId} in: an open one first, else a revealed. */
  record Membership(String scorecardVersionId, boolean open) {}

  static Optional<Membership> of(Handle h, String userId, String ticketId) {
    return h.createQuery(
            """
            SELECT s.scorecard_version_id, s.status FROM calibration_sessions s
            JOIN calibration_tickets t ON t.session_id = s.id AND t.ticket_id = :ticket
            JOIN calibration_participants p ON p.session_id = s.id AND p.user_id = :user
            ORDER BY CASE WHEN s.status = 'OPEN' THEN 0 ELSE 1 END, s.created_at DESC
            """)
        .bind("ticket", ticketId)
        .bind("user", userId)
        .map((rs, ctx) -> new Membership(rs.getString(1), "OPEN".equals(rs.getString(2))))
        .findFirst();
  }

  /** Throws 409 when the only session the grader has on this ticket was already revealed. */
  static Optional<Membership> requireOpen(Handle h, String userId, String ticketId) {
    Optional<Membership> m = of(h, userId, ticketId);
    if (m.isPresent() && !m.get().open())
      throw new Conflict("the calibration session of this ticket was revealed; grading is closed");
    return m;
  }
}
