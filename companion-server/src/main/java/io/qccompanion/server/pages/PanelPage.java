package io.qccompanion.server.pages;

import static io.qccompanion.server.pages.Html.esc;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.connections.HostLoginRoutes;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.store.Database;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
  private final HostLoginRoutes hostLogin;

  public PanelPage(Database db, HostLoginRoutes hostLogin) {
    this.db = db;
    this.hostLogin = hostLogin;
  }

  void register(RoutesConfig r) {
    r.get("/panel", this::panel);
    r.get("/panel/conversation", this::conversation);
    r.post("/panel/zendesk/{connectionId}", this::zendeskEntry);
    r.get("/evaluations/{id}", this::evaluation);
  }

  /**
   * The link written into host notes: agents land on their feedback, graders on the ticket's panel.
   */
  private void evaluation(Context ctx) {
    Optional<Principal> signedIn = PageRoutes.signedIn(ctx);
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
      PageRoutes.forbidden(ctx, signedIn.get(), "No evaluation '" + id + "' you can see.");
      return;
    }
    ctx.redirect("/panel?ticketId=" + URLEncoder.encode(ticketId.get(), StandardCharsets.UTF_8));
  }

  /** Zendesk posts its signed-URL JWT here on first load: open a session, then show the panel. */
  private void zendeskEntry(Context ctx) {
    String connectionId = ctx.pathParam("connectionId");
    HostLoginRoutes.HostSession session = hostLogin.open(ctx);
    String ticket =
        session.ticketExternalId() != null ? session.ticketExternalId() : ctx.queryParam("ticket");
    ctx.redirect(
        "/panel?connection="
            + URLEncoder.encode(connectionId, StandardCharsets.UTF_8)
            + "&ticket="
            + URLEncoder.encode(ticket == null ? "" : ticket, StandardCharsets.UTF_8));
  }

  private void panel(Context ctx) {
    Optional<Principal> signedIn = PageRoutes.signedIn(ctx);
    if (signedIn.isEmpty()) return;
    Principal p = signedIn.get();
    if (!p.is(Role.GRADERS)) {
      PageRoutes.forbidden(ctx, p, "The scoring panel is for QCs, QC leads and admins.");
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
      ctx.status(404)
          .html(
              Layout.problem(
                  p, "Ticket not synced yet", "The companion has no copy of this ticket yet."));
      return;
    }
    PanelTicket t = found.get();
    if (!p.seesTeam((String) t.ticket().get("team_id"))) {
      PageRoutes.forbidden(ctx, p, "This ticket belongs to a team outside your scope.");
      return;
    }
    ctx.html(Layout.page("Scoring panel", p, body(p, t), List.of("scoring.js", "panel.js"), true));
  }

  private static String body(Principal p, PanelTicket t) {
    Map<String, Object> k = t.ticket();
    var html = new StringBuilder("<section class=\"panel\" aria-label=\"Ticket facts\">");
    html.append("<h1 class=\"ticket-title\">")
        .append(esc(k.get("ticket_key") != null ? k.get("ticket_key") : "#" + k.get("external_id")))
        .append(" ")
        .append(esc(k.get("subject")))
        .append("</h1>");
    if (k.get("url") != null)
      html.append("<p><a href=\"")
          .append(esc(k.get("url")))
          .append("\" target=\"_blank\" rel=\"noopener\">Open in ")
          .append(esc(k.get("host")))
          .append("</a></p>");
    html.append(sampleNote(p, t));
    html.append("<dl class=\"facts\">");
    fact(html, "Agent", k.get("agent_name"));
    fact(html, "Team", k.get("team_name"));
    fact(html, "Channel", k.get("channel"));
    fact(html, "CSAT", csat(k));
    fact(html, "Reopened", k.get("reopen_count") + " time(s)");
    fact(html, "Replies", k.get("reply_count"));
    fact(html, "Handle time", minutes(k.get("handle_time_seconds")));
    fact(html, "Solved", k.get("solved_at") == null ? null : instant(k.get("solved_at")));
    html.append("</dl>");
    html.append("<details id=\"conversation\" data-src=\"/panel/conversation?ticketId=")
        .append(esc(t.id()))
        .append(
            "\"><summary>Conversation</summary><div class=\"messages\">Loading…</div></details>");
    html.append("</section><section id=\"grading\" aria-label=\"Grading\" data-ticket-id=\"")
        .append(esc(t.id()))
        .append("\" data-sampled=\"")
        .append(t.selected())
        .append("\" data-user-id=\"")
        .append(esc(p.userId()))
        .append("\"></section>");
    return html.toString();
  }

  private static String sampleNote(Principal p, PanelTicket t) {
    if (!t.selected())
      return "<p class=\"note manual\" id=\"why-sampled\">Not sampled. You can still grade it:"
          + " it is recorded as a MANUAL sample.</p>";
    Map<String, Object> s = t.sample().orElseThrow();
    List<?> reasons = Json.read((String) s.get("reasons"), List.class);
    var html = new StringBuilder("<p class=\"note\" id=\"why-sampled\">Sampled: ");
    html.append(esc(String.join(", ", reasons.stream().map(String::valueOf).toList())));
    if (s.get("tier") != null) html.append(" · agent tier ").append(esc(s.get("tier")));
    if (s.get("due_at") != null) html.append(" · due ").append(esc(instant(s.get("due_at"))));
    html.append("</p>");
    Object qc = s.get("assigned_qc_id");
    if (qc != null && !qc.equals(p.userId()))
      html.append("<p class=\"note warn\" id=\"assigned-elsewhere\" role=\"status\">Assigned to ")
          .append(esc(s.get("assigned_qc_name")))
          .append(", not you.</p>");
    return html.toString();
  }

  private static void fact(StringBuilder html, String label, Object value) {
    html.append("<dt>").append(label).append("</dt><dd>");
    html.append(value == null ? "—" : esc(value)).append("</dd>");
  }

  private static String csat(Map<String, Object> k) {
    String rating = String.valueOf(k.get("csat_rating"));
    if ("null".equals(rating) || "UNOFFERED".equalsIgnoreCase(rating)) return "not rated";
    String text = rating.toLowerCase();
    if (k.get("csat_score") != null) text += " (" + k.get("csat_score") + ")";
    if (k.get("csat_comment") != null) text += " — “" + k.get("csat_comment") + "”";
    return text;
  }

  private static String minutes(Object seconds) {
    if (seconds == null) return null;
    long s = ((Number) seconds).longValue();
    return (s / 60) + " min " + (s % 60) + " s";
  }

  private static String instant(Object millis) {
    return Instant.ofEpochMilli(((Number) millis).longValue()).toString().substring(0, 16) + "Z";
  }

  private void conversation(Context ctx) {
    Optional<Principal> signedIn = PageRoutes.signedIn(ctx);
    if (signedIn.isEmpty()) return;
    if (!signedIn.get().is(Role.GRADERS)) {
      PageRoutes.forbidden(ctx, signedIn.get(), "The conversation is for graders.");
      return;
    }
    String ticketId = String.valueOf(ctx.queryParam("ticketId"));
    Optional<PanelTicket> t = db.read(h -> PanelTicket.find(h, ticketId, null, null));
    if (t.isEmpty() || !signedIn.get().seesTeam((String) t.get().ticket().get("team_id"))) {
      ctx.status(404).html("<p>No conversation.</p>");
      return;
    }
    String payload = db.read(h -> PanelTicket.payload(h, ticketId)).orElse("{}");
    List<?> messages =
        (List<?>) Json.read(payload, Map.class).getOrDefault("conversation", List.of());
    var html = new StringBuilder();
    if (messages == null || messages.isEmpty()) html.append("<p>No messages stored.</p>");
    else
      for (Object o : messages) {
        Map<?, ?> m = (Map<?, ?>) o;
        boolean pub = Boolean.TRUE.equals(m.get("publicMessage"));
        html.append("<article class=\"msg ")
            .append(pub ? "public" : "internal")
            .append("\"><header>")
            .append(esc(m.get("authorRole")))
            .append(pub ? "" : " · internal")
            .append(" · ")
            .append(esc(m.get("createdAt")))
            .append("</header><p>")
            .append(esc(m.get("body")))
            .append("</p></article>");
      }
    ctx.html(html.toString());
  }
}
