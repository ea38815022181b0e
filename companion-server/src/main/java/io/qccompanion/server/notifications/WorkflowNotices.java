package io.qccompanion.server.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Turns workflow changes into notifications: a submitted evaluation tells its agent, a dispute
 * tells the leads of the team, a resolution tells the agent and the grader, a plan falling due
 * tells its agent and owner. Reads the workflow tables itself so the features need not know about
 * it.
 */
public final class WorkflowNotices {
  private final Notifications notifications;

  public WorkflowNotices(Notifications notifications) {
    this.notifications = notifications;
  }

  /** Called (as an evaluation listener) in the transaction that changed {@code evaluationId}. */
  public void evaluationChanged(Handle h, String evaluationId) {
    Map<String, Object> e =
        h.createQuery(
                """
                SELECT e.id, e.kind, e.status, e.agent_id, e.team_id, e.qc_id, e.score,
                  t.external_id, t.subject
                FROM evaluations e LEFT JOIN tickets t ON t.id = e.ticket_id WHERE e.id = ?
                """)
            .bind(0, evaluationId)
            .mapToMap()
            .findOne()
            .orElse(null);
    if (e == null || !"REGULAR".equals(e.get("kind"))) return;
    String status = (String) e.get("status");
    String ticket = ticketLabel(e);
    if ("DRAFT".equals(status)) return;
    if (e.get("agent_id") != null)
      for (String user : notifications.usersOfAgent(h, (String) e.get("agent_id")))
        notifications.send(
            h,
            user,
            NotificationKind.EVALUATION_NEW,
            "evaluation",
            evaluationId,
            "New evaluation of " + ticket + ": " + percent(e.get("score")),
            "/feedback/" + evaluationId);
    if ("DISPUTED".equals(status)) disputesOpened(h, e, ticket);
    if ("UPHELD".equals(status) || "AMENDED".equals(status)) disputesResolved(h, e, ticket);
  }

  private void disputesOpened(Handle h, Map<String, Object> e, String ticket) {
    for (Map<String, Object> d : disputes(h, (String) e.get("id"), "= 'OPEN'")) {
      List<String> leads = notifications.usersOfTeam(h, (String) e.get("team_id"), "QC_LEAD");
      if (leads.isEmpty()) leads = notifications.usersOfTeam(h, (String) e.get("team_id"), "ADMIN");
      String criterion = d.get("criterion_id") == null ? "" : " (" + d.get("criterion_id") + ")";
      for (String lead : leads)
        if (!lead.equals(e.get("qc_id")))
          notifications.send(
              h,
              lead,
              NotificationKind.DISPUTE_OPENED,
              "dispute",
              (String) d.get("id"),
              "Dispute opened on " + ticket + criterion,
              "/disputes/" + d.get("id"));
    }
  }

  private void disputesResolved(Handle h, Map<String, Object> e, String ticket) {
    for (Map<String, Object> d : disputes(h, (String) e.get("id"), "IN ('UPHELD', 'AMENDED')")) {
      String outcome =
          "AMENDED".equals(d.get("status"))
              ? "amended: " + percent(d.get("score_before")) + " → " + percent(d.get("score_after"))
              : "upheld at " + percent(d.get("score_before"));
      String title = "Dispute on " + ticket + " " + outcome;
      if (e.get("agent_id") != null)
        for (String user : notifications.usersOfAgent(h, (String) e.get("agent_id")))
          notifications.send(
              h,
              user,
              NotificationKind.DISPUTE_RESOLVED,
              "dispute",
              (String) d.get("id"),
              title,
              "/feedback/" + e.get("id"));
      notifications.send(
          h,
          (String) e.get("qc_id"),
          NotificationKind.DISPUTE_RESOLVED,
          "dispute",
          (String) d.get("id"),
          title,
          "/disputes/" + d.get("id"));
    }
  }

  /** Tells the agent and the owner of every open action plan due within a day (once per plan). */
  public int actionPlansDue(Handle h, long nowMillis) {
    List<Map<String, Object>> plans =
        h.createQuery(
                """
                SELECT id, agent_id, owner_id, goal, due_at FROM action_plans
                WHERE status = 'OPEN' AND due_at <= :soon
                """)
            .bind("soon", nowMillis + 24L * 3600 * 1000)
            .mapToMap()
            .list();
    int sent = 0;
    for (Map<String, Object> p : plans) {
      String title = "Action plan due: " + p.get("goal");
      String id = (String) p.get("id");
      for (String user : notifications.usersOfAgent(h, (String) p.get("agent_id")))
        if (notifications.send(
            h, user, NotificationKind.ACTION_PLAN_DUE, "action-plan", id, title, "/feedback#plans"))
          sent++;
      if (notifications.send(
          h,
          (String) p.get("owner_id"),
          NotificationKind.ACTION_PLAN_DUE,
          "action-plan",
          id,
          title,
          "/action-plans")) sent++;
    }
    return sent;
  }

  /** Invites every participant of a calibration session. */
  public void calibrationInvited(Handle h, String sessionId, String title, List<String> userIds) {
    for (String user : userIds)
      notifications.send(
          h,
          user,
          NotificationKind.CALIBRATION_INVITATION,
          "calibration",
          sessionId,
          "Calibration session: " + title,
          "/calibration/" + sessionId);
  }

  /** Tells every participant that the grades of a session are revealed. */
  public void calibrationRevealed(Handle h, String sessionId, String title, List<String> userIds) {
    for (String user : userIds)
      notifications.send(
          h,
          user,
          NotificationKind.CALIBRATION_REVEALED,
          "calibration",
          sessionId,
          "Calibration grades revealed: " + title,
          "/calibration/" + sessionId);
  }

  private static List<Map<String, Object>> disputes(Handle h, String evaluationId, String status) {
    return h.createQuery(
            "SELECT id, criterion_id, status, score_before, score_after FROM feedback"
                + " WHERE evaluation_id = ? AND kind = 'DISPUTE' AND status "
                + status)
        .bind(0, evaluationId)
        .mapToMap()
        .list();
  }

  private static String ticketLabel(Map<String, Object> e) {
    Object ext = e.get("external_id");
    Object subject = e.get("subject");
    String label = ext == null ? "a ticket" : "ticket #" + ext;
    return subject == null ? label : label + " “" + subject + "”";
  }

  private static String percent(Object score) {
    if (!(score instanceof Number n)) return "no score";
    return String.format(Locale.ROOT, "%.1f %%", n.doubleValue());
  }
}
