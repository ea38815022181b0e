package io.qccompanion.server.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.conversations.Conversations;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.store.Database;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scoring panel embedded in a host ticket (Zendesk sidebar, Jira issue panel): ticket facts and
 * why it was sampled rendered here; grading itself runs in {@code panel.js} against the evaluations
 * API, which scores authoritatively.
 */
public final class PanelPage {
  private final Database db;
  private final Conversations conversations;

  public PanelPage(Database db, Conversations conversations) {
    this.db = db;
    this.conversations = conversations;
  }

  void register(RoutesConfig r, Pages pages) {
    r.get("/panel", ctx -> panel(ctx, pages));
    r.get("/panel/conversation", ctx -> conversation(ctx, pages));
    r.get("/evaluations/{id}", ctx -> evaluation(ctx, pages));
  }

  /**
   * The link written into host notes: agents land on their feedback, graders on the ticket's panel.
   */
  private void evaluation(Context ctx, Pages pages) {
    Optional<Principal> signedIn = Pages.signedIn(ctx);
    if (signedIn.isEmpty()) return;
    String id = ctx.pathParam("id");
    if (signedIn.get().role() == Role.AGENT) {
      ctx.redirect("/feedback/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
      return;
    }
    Optional<String> ticketId =
        db.read(
            h ->
                h.createQuery("SELECT ticket_id FROM evaluations WHERE id = ?")
                    .bind(0, id)
                    .mapTo(String.class)
                    .findOne());
    if (ticketId.isEmpty()) {
      pages.forbidden(ctx, signedIn.get(), "No evaluation '" + id + "' you can see.");
      return;
    }
    ctx.redirect("/panel?ticketId=" + URLEncoder.encode(ticketId.get(), StandardCharsets.UTF_8));
  }

  private void panel(Context ctx, Pages pages) {
    Optional<Principal> signedIn = Pages.signedIn(ctx);
    if (signedIn.isEmpty()) return;
    Principal p = signedIn.get();
    if (!p.is(Role.GRADERS) && p.role() != Role.AGENT) {
      pages.forbidden(ctx, p, "The scoring panel is for QCs, QC leads and admins.");
      return;
    }
    Optional<PanelTicket> found =
        db.read(
            h ->
                PanelTicket.find(
                    h,
                    ctx.queryParam("ticketId"),
                    ctx.queryParam("connection"),
                    ctx.queryParam("ticket")));
    if (found.isEmpty()) {
      pages.problem(
          ctx, 404, p, "Ticket not synced yet", "The companion has no copy of this ticket yet.");
      return;
    }
    PanelTicket t = found.get();
    if (p.role() == Role.AGENT) {
      agentView(ctx, pages, p, t);
      return;
    }
    // A calibration participant grades the session's tickets whatever their team scope.
    boolean calibration =
        "calibration".equals(ctx.queryParam("mode")) && db.read(h -> inOpenSession(h, p, t.id()));
    if (!calibration && !p.seesTeam((String) t.ticket().get("team_id"))) {
      pages.forbidden(ctx, p, "This ticket belongs to a team outside your scope.");
      return;
    }
    List<String> tags = new ArrayList<>();
    Object stored =
        Json.read(db.read(h -> PanelTicket.payload(h, t.id())).orElse("{}"), Map.class).get("tags");
    if (stored instanceof List<?> l) for (Object tag : l) tags.add(String.valueOf(tag));
    pages.page(
        ctx,
        "panel.jte",
        pages.shell(
            "Scoring panel",
            p,
            ctx.path(),
            true,
            List.of("scoring.js", "suggestions.js", "panel.js")),
        Map.of("panel", PanelView.of(p, t, calibration, tags)));
  }

  /**
   * An agent opening the panel on their own graded ticket (in the host's sidebar) sees that
   * ticket's latest evaluation and can acknowledge, reply or dispute there.
   */
  private void agentView(Context ctx, Pages pages, Principal p, PanelTicket t) {
    if (p.agentId() == null || !p.agentId().equals(t.ticket().get("agent_id"))) {
      pages.forbidden(ctx, p, "The scoring panel is for QCs; this ticket is not yours.");
      return;
    }
    Optional<String> evaluation =
        db.read(
            h ->
                h.createQuery(
                        """
                        SELECT id FROM evaluations WHERE ticket_id = :t AND agent_id = :a
                          AND kind = 'REGULAR' AND status <> 'DRAFT'
                        ORDER BY submitted_at DESC, id LIMIT 1
                        """)
                    .bind("t", t.id())
                    .bind("a", p.agentId() == null ? "" : p.agentId())
                    .mapTo(String.class)
                    .findOne());
    if (evaluation.isEmpty()) {
      pages.problem(
          ctx, 404, p, "Not graded yet", "No evaluation of this ticket of yours has been shared.");
      return;
    }
    pages.page(
        ctx,
        "feedback.jte",
        pages.shell(
            "Your evaluation", p, ctx.path(), true, List.of("scoring.js", "feedback-detail.js")),
        Map.of("evaluationId", evaluation.get()));
  }

  private static boolean inOpenSession(org.jdbi.v3.core.Handle h, Principal p, String ticketId) {
    return h.createQuery(
                """
                SELECT COUNT(*) FROM calibration_sessions s
                JOIN calibration_tickets t ON t.session_id = s.id AND t.ticket_id = :ticket
                JOIN calibration_participants c ON c.session_id = s.id AND c.user_id = :user
                WHERE s.status = 'OPEN'
                """)
            .bind("ticket", ticketId)
            .bind("user", p.userId())
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /**
   * The stored conversation (the {@code messages} table) as an HTML fragment, loaded when the
   * panel's section opens; the same team rule as {@code GET /api/v1/tickets/{id}/messages}.
   */
  private void conversation(Context ctx, Pages pages) {
    Optional<Principal> signedIn = Pages.signedIn(ctx);
    if (signedIn.isEmpty()) return;
    if (!signedIn.get().is(Role.GRADERS)) {
      pages.forbidden(ctx, signedIn.get(), "The conversation is for graders.");
      return;
    }
    String ticketId = String.valueOf(ctx.queryParam("ticketId"));
    Optional<PanelTicket> t = db.read(h -> PanelTicket.find(h, ticketId, null, null));
    if (t.isEmpty() || !signedIn.get().seesTeam((String) t.get().ticket().get("team_id"))) {
      ctx.status(404).html(pages.render("conversation.jte", Map.of("found", false)));
      return;
    }
    Map<String, Object> k = t.get().ticket();
    TranscriptView transcript =
        TranscriptView.of(
            db.read(
                h ->
                    conversations.read(
                        h, (String) k.get("connection_id"), (String) k.get("external_id"))));
    ctx.html(pages.render("conversation.jte", Map.of("found", true, "transcript", transcript)));
  }
}
