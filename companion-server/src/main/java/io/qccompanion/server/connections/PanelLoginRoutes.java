package io.qccompanion.server.connections;

import static io.qccompanion.model.HtmlText.escape;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.model.Host;
import io.qccompanion.model.HostIdentity;
import io.qccompanion.model.PanelLogin;
import io.qccompanion.server.auth.BearerToken;
import io.qccompanion.server.auth.HostTokenFreshness;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.users.User;
import io.qccompanion.server.users.UserDirectory;
import io.qccompanion.server.web.HttpProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Host panels, for every connector that declares a {@link PanelLogin}; no route knows a host.
 *
 * <ul>
 *   <li>{@code POST /panel/login/{connectionId}}: the host posts its panel token (form field {@code
 *       token}, e.g. Zendesk's signed URL) on first load; a session is opened for the linked user
 *       and the browser lands on the scoring panel for the ticket.
 *   <li>{@code GET /api/v1/panel/{host}?ticket=}: a host app's backend (e.g. the Forge app through
 *       Forge Remote) calls with its token as Bearer; the token is tried against each connection of
 *       that host and the answer is {@code {html}} (escaped here) or {@code {message}}.
 * </ul>
 */
final class PanelLoginRoutes {
  private final Database db;
  private final ConnectionStore store;
  private final ConnectorRegistry connectors;
  private final UserDirectory users;
  private final HostLoginRoutes hostLogin;
  private final Clock clock;
  private final String publicUrl;
  private final HostTokenFreshness freshness;

  public PanelLoginRoutes(
      Database db,
      ConnectionStore store,
      ConnectorRegistry connectors,
      UserDirectory users,
      HostLoginRoutes hostLogin,
      Clock clock,
      String publicUrl,
      HostTokenFreshness freshness) {
    this.freshness = freshness;
    this.db = db;
    this.store = store;
    this.connectors = connectors;
    this.users = users;
    this.hostLogin = hostLogin;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  public void register(RoutesConfig r) {
    r.post("/panel/login/{connectionId}", this::enter);
    r.get("/api/v1/panel/{host}", this::panel);
  }

  /** Opens a session from the posted host token, then shows the scoring panel of the ticket. */
  void enter(Context ctx) {
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

  private record Verified(String connectionId, HostIdentity identity) {}

  void panel(Context ctx) {
    String hostId = ctx.pathParam("host");
    String issueId = Fields.required(ctx.queryParam("ticket"), "ticket");
    String token =
        BearerToken.from(ctx)
            .orElseThrow(() -> HttpProblem.unauthorized("a host panel token is required (Bearer)"));
    Verified verified =
        verify(hostId, token)
            .orElseThrow(
                () ->
                    HttpProblem.unauthorized(
                        "the panel token is not valid for any " + hostId + " connection"));
    freshness.requireRecent(token);
    Map<String, Object> body =
        db.read(
            h -> {
              Optional<User> user =
                  users
                      .linked(
                          h,
                          verified.connectionId(),
                          UserDirectory.USER,
                          verified.identity().userId())
                      .flatMap(id -> users.user(h, id))
                      .filter(User::active);
              if (user.isEmpty())
                return Map.of(
                    "message",
                    "Your "
                        + hostId
                        + " account ("
                        + verified.identity().userId()
                        + ") is not linked to a QC Companion user yet; ask an admin to link it.");
              return render(h, verified.connectionId(), issueId, user.get());
            });
    ctx.json(body);
  }

  private Optional<Verified> verify(String hostId, String token) {
    if (!Host.isValid(hostId)) return Optional.empty();
    Optional<PanelLogin> login =
        connectors.provider(Host.of(hostId)).flatMap(ConnectorProvider::panelLogin);
    if (login.isEmpty()) return Optional.empty();
    for (Connection c : store.list()) {
      if (!hostId.equals(c.host())) continue;
      var settings = store.settings(c.id());
      Optional<HostIdentity> identity = login.get().verify(token, settings, clock.instant());
      if (identity.isPresent()) return Optional.of(new Verified(c.id(), identity.get()));
    }
    return Optional.empty();
  }

  private record Graded(String id, Double score, Integer passed, int criticalFail, String qcId) {}

  private Map<String, Object> render(Handle h, String connectionId, String issueId, User user) {
    Optional<Map<String, Object>> ticket =
        h.createQuery("SELECT id, team_id FROM tickets WHERE connection_id = ? AND external_id = ?")
            .bind(0, connectionId)
            .bind(1, issueId)
            .mapToMap()
            .findOne();
    if (ticket.isEmpty())
      return Map.of("message", "This ticket has not been synced to QC Companion yet.");
    Optional<String> ticketId = Optional.of((String) ticket.get().get("id"));
    String teamId = (String) ticket.get().get("team_id");
    boolean scoped = user.role() != Role.AGENT && user.role() != Role.ADMIN;
    if (scoped && !user.teamIds().isEmpty() && (teamId == null || !user.teamIds().contains(teamId)))
      return Map.of("message", "This ticket belongs to a team outside your scope.");
    List<Graded> graded =
        h
            .createQuery(
                """
                SELECT id, score, passed, critical_fail, qc_id FROM evaluations
                WHERE ticket_id = ? AND kind = 'REGULAR' AND status <> 'DRAFT'
                ORDER BY submitted_at DESC""")
            .bind(0, ticketId.get())
            .map(
                (rs, c) ->
                    new Graded(
                        rs.getString(1),
                        (Double) rs.getObject(2, Double.class),
                        (Integer) rs.getObject(3, Integer.class),
                        rs.getInt(4),
                        rs.getString(5)))
            .list()
            .stream()
            .filter(g -> visible(h, user, g))
            .toList();
    var html = new StringBuilder("<div class=\"qc-panel\">");
    if (graded.isEmpty()) html.append("<p>No QC evaluation you can see on this ticket yet.</p>");
    for (Graded g : graded) {
      html.append("<p><strong>")
          .append(g.score() == null ? "not scorable" : g.score() + " %")
          .append("</strong> ")
          .append(
              g.criticalFail() == 1
                  ? "critical fail"
                  : g.passed() != null && g.passed() == 1 ? "pass" : "fail")
          .append(" · <a target=\"_blank\" href=\"")
          .append(
              escape(
                  publicUrl
                      + (user.role() == Role.AGENT ? "/feedback/" : "/evaluations/")
                      + g.id()))
          .append("\">details</a></p>");
    }
    if (user.role() == Role.QC || user.role() == Role.QC_LEAD || user.role() == Role.ADMIN)
      html.append("<p><a target=\"_blank\" href=\"")
          .append(
              escape(
                  publicUrl
                      + "/panel?connection="
                      + URLEncoder.encode(connectionId, StandardCharsets.UTF_8)
                      + "&ticket="
                      + URLEncoder.encode(issueId, StandardCharsets.UTF_8)))
          .append("\">Grade in QC Companion</a></p>");
    return Map.of("html", html.append("</div>").toString());
  }

  private static boolean visible(Handle h, User user, Graded g) {
    return switch (user.role()) {
      case AGENT ->
          h.createQuery("SELECT count(*) FROM evaluations WHERE id = ? AND agent_id = ?")
                  .bind(0, g.id())
                  .bind(1, user.agentId())
                  .mapTo(Integer.class)
                  .one()
              > 0;
      case QC -> g.qcId().equals(user.id());
      default -> true;
    };
  }
}
