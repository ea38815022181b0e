package io.qccompanion.server.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
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

  public PanelPage(Database db) {
    this.db = db;
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
    if (!p.is(Role.GRADERS)) {
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
    if (!p.seesTeam((String) t.ticket().get("team_id"))) {
      pages.forbidden(ctx, p, "This ticket belongs to a team outside your scope.");
      return;
    }
    pages.page(
        ctx,
        "panel.jte",
        pages.shell("Scoring panel", p, ctx.path(), true, List.of("scoring.js", "panel.js")),
        Map.of("panel", PanelView.of(p, t)));
  }

  /** The stored conversation as an HTML fragment, loaded when the panel's section opens. */
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
    String payload = db.read(h -> PanelTicket.payload(h, ticketId)).orElse("{}");
    List<?> stored =
        (List<?>) Json.read(payload, Map.class).getOrDefault("conversation", List.of());
    var messages = new ArrayList<ConversationMessage>();
    for (Object o : stored == null ? List.of() : stored) {
      Map<?, ?> m = (Map<?, ?>) o;
      messages.add(
          new ConversationMessage(
              String.valueOf(m.get("authorRole")),
              !Boolean.TRUE.equals(m.get("publicMessage")),
              m.get("createdAt") == null ? null : String.valueOf(m.get("createdAt")),
              m.get("body") == null ? "" : String.valueOf(m.get("body"))));
    }
    ctx.html(pages.render("conversation.jte", Map.of("found", true, "messages", messages)));
  }

  /** One message of a ticket's conversation as the panel shows it. */
  record ConversationMessage(String author, boolean internal, String createdAt, String body) {}
}
