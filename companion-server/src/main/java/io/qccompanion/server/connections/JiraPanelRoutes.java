package io.qccompanion.server.connections;

import static io.qccompanion.model.HtmlText.escape;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.model.Host;
import io.qccompanion.model.HostIdentity;
import io.qccompanion.server.auth.BearerToken;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.users.User;
import io.qccompanion.server.users.UserDirectory;
import io.qccompanion.server.web.Fields;
import io.qccompanion.server.web.HttpProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The Jira issue panel's backend ({@code GET /api/v1/panel/jira?issueId=}), called by the Forge app
 * through Forge Remote with a Forge Invocation Token. The token is verified by the Jira connector
 * against each Jira connection's app id; the Atlassian account must be linked to a companion user.
 * Answers {@code {html}} (escaped here) or {@code {message}}.
 */
public final class JiraPanelRoutes {
  private final Database db;
  private final ConnectionStore store;
  private final ConnectorRegistry connectors;
  private final UserDirectory users;
  private final Clock clock;
  private final String publicUrl;

  public JiraPanelRoutes(
      Database db,
      ConnectionStore store,
      ConnectorRegistry connectors,
      UserDirectory users,
      Clock clock,
      String publicUrl) {
    this.db = db;
    this.store = store;
    this.connectors = connectors;
    this.users = users;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/panel/jira", this::panel);
  }

  private record Verified(String connectionId, HostIdentity identity) {}

  void panel(Context ctx) {
    String issueId = Fields.required(ctx.queryParam("issueId"), "issueId");
    String token =
        BearerToken.from(ctx)
            .orElseThrow(() -> HttpProblem.unauthorized("a Forge invocation token is required"));
    Verified verified =
        verify(token)
            .orElseThrow(() -> HttpProblem.unauthorized("Forge invocation token is not valid"));
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
                    "Your Atlassian account ("
                        + verified.identity().userId()
                        + ") is not linked to a QC Companion user yet; ask an admin to link it.");
              return render(h, verified.connectionId(), issueId, user.get());
            });
    ctx.json(body);
  }

  private Optional<Verified> verify(String token) {
    for (Connection c : store.list()) {
      if (!Host.JIRA.id().equals(c.host())) continue;
      var settings = store.settings(c.id());
      Optional<HostIdentity> identity =
          connectors
              .provider(Host.JIRA)
              .flatMap(p -> p.verifyPanelToken(token, settings, clock.instant()));
      if (identity.isPresent()) return Optional.of(new Verified(c.id(), identity.get()));
    }
    return Optional.empty();
  }

  private record Graded(String id, Double score, Integer passed, int criticalFail, String qcId) {}

  private Map<String, Object> render(Handle h, String connectionId, String issueId, User user) {
    Optional<String> ticketId =
        h.createQuery("SELECT id FROM tickets WHERE connection_id = ? AND external_id = ?")
            .bind(0, connectionId)
            .bind(1, issueId)
            .mapTo(String.class)
            .findOne();
    if (ticketId.isEmpty())
      return Map.of("message", "This issue has not been synced to QC Companion yet.");
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
    if (graded.isEmpty()) html.append("<p>No QC evaluation you can see on this issue yet.</p>");
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
