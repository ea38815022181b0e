package io.qccompanion.server.disputes;

import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The QC lead's list of disputes: oldest first, with age against the SLA, team and people. */
final class DisputeInbox {
  private DisputeInbox() {}

  /**
   * One dispute as the inbox lists it.
   *
   * @param ageHours since the agent opened it
   * @param slaHours the time the rules give a lead to resolve it
   * @param canResolve false for the grader of the evaluation and outside the caller's teams
   */
  record Row(
      String id,
      String evaluationId,
      String status,
      String ticketKey,
      String ticketSubject,
      String agentName,
      String teamId,
      String teamName,
      String qcId,
      String qcName,
      String criterionId,
      String reason,
      Instant createdAt,
      Instant dueAt,
      long ageHours,
      long slaHours,
      boolean overdue,
      boolean canResolve) {}

  static List<Row> list(Handle h, Principal p, String status, long now, int slaDays) {
    return h
        .createQuery(
            """
            SELECT f.id, f.evaluation_id, f.status, f.team_id, f.qc_id, f.criterion_id, f.text,
              f.created_at, f.due_at, COALESCE(t.ticket_key, t.external_id) AS ticket_key,
              t.subject, a.name AS agent_name, tm.name AS team_name, u.name AS qc_name
            FROM feedback f
            JOIN evaluations e ON e.id = f.evaluation_id
            LEFT JOIN tickets t ON t.id = e.ticket_id
            LEFT JOIN agents a ON a.id = f.agent_id
            LEFT JOIN teams tm ON tm.id = f.team_id
            LEFT JOIN users u ON u.id = f.qc_id
            WHERE f.kind = 'DISPUTE' AND (:status = '' OR f.status = :status)
            ORDER BY f.created_at, f.id
            """)
        .bind("status", status == null ? "" : status)
        .map(
            (rs, ctx) -> {
              long created = rs.getLong("created_at");
              long due = rs.getLong("due_at");
              boolean open = "OPEN".equals(rs.getString("status"));
              String qc = rs.getString("qc_id");
              String team = rs.getString("team_id");
              return new Row(
                  rs.getString("id"),
                  rs.getString("evaluation_id"),
                  rs.getString("status"),
                  rs.getString("ticket_key"),
                  rs.getString("subject"),
                  rs.getString("agent_name"),
                  team,
                  rs.getString("team_name"),
                  qc,
                  rs.getString("qc_name"),
                  rs.getString("criterion_id"),
                  rs.getString("text"),
                  Instant.ofEpochMilli(created),
                  due == 0 ? null : Instant.ofEpochMilli(due),
                  (now - created) / 3_600_000L,
                  slaDays * 24L,
                  open && due != 0 && due < now,
                  open
                      && !p.userId().equals(qc)
                      && p.is(Role.QC_LEAD, Role.ADMIN)
                      && p.seesTeam(team));
            })
        .list()
        .stream()
        .filter(r -> p.seesTeam(r.teamId()))
        .toList();
  }
}
