package io.qccompanion.server.connections;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.model.HostIdentity;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.BearerToken;
import io.qccompanion.server.auth.HostTokenFreshness;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.auth.SessionCookies;
import io.qccompanion.server.auth.Sessions;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.users.User;
import io.qccompanion.server.users.UserDirectory;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a companion session from a host panel token (Zendesk signed-URL JWT posted as form field
 * {@code token}, Forge invocation token as Bearer), verified by the connector, for the companion
 * user linked to the host user (by host identity; by e-mail only where an admin enabled it for the
 * connection). A token logs in once and only while it is a few minutes old.
 */
final class HostLoginRoutes {
  private final Database db;
  private final ConnectionStore store;
  private final ConnectorRegistry connectors;
  private final UserDirectory users;
  private final Sessions sessions;
  private final SessionCookies cookies;
  private final Clock clock;
  private final AuditLog audit;
  private final HostTokenFreshness freshness;

  public HostLoginRoutes(
      Database db,
      ConnectionStore store,
      ConnectorRegistry connectors,
      UserDirectory users,
      Sessions sessions,
      SessionCookies cookies,
      Clock clock,
      AuditLog audit,
      HostTokenFreshness freshness) {
    this.audit = audit;
    this.freshness = freshness;
    this.db = db;
    this.store = store;
    this.connectors = connectors;
    this.users = users;
    this.sessions = sessions;
    this.cookies = cookies;
    this.clock = clock;
  }

  public void register(RoutesConfig r) {
    r.post("/api/v1/host-sessions/{connectionId}", this::login);
    r.get("/api/v1/connections/{id}/host-login", this::policy, Role.ADMIN);
    r.put("/api/v1/connections/{id}/host-login", this::putPolicy, Role.ADMIN);
  }

  record Policy(Boolean matchEmail) {}

  void policy(Context ctx) {
    String id = ctx.pathParam("id");
    store.get(id);
    ctx.json(Map.of("matchEmail", db.read(h -> matchesEmail(h, id))));
  }

  // an admin allows e-mail matching for one connection whose host verifies e-mail addresses
  void putPolicy(Context ctx) {
    String id = ctx.pathParam("id");
    store.get(id);
    boolean match = Fields.required(Bodies.read(ctx, Policy.class).matchEmail(), "/matchEmail");
    Principal p = Authenticator.principal(ctx);
    db.run(
        h -> {
          boolean before = matchesEmail(h, id);
          h.createUpdate(
                  """
                  INSERT INTO host_login_policies (connection_id, match_email, updated_at)
                  VALUES (:c, :m, :now)
                  ON CONFLICT (connection_id) DO UPDATE SET match_email = excluded.match_email,
                    updated_at = excluded.updated_at""")
              .bind("c", id)
              .bind("m", match ? 1 : 0)
              .bind("now", clock.millis())
              .execute();
          audit.record(
              h,
              p.userId(),
              "connection.host_login",
              "connection",
              id,
              Map.of("matchEmail", before),
              Map.of("matchEmail", match));
        });
    ctx.json(Map.of("matchEmail", match));
  }

  private static boolean matchesEmail(org.jdbi.v3.core.Handle h, String connectionId) {
    return h.createQuery("SELECT match_email FROM host_login_policies WHERE connection_id = :c")
            .bind("c", connectionId)
            .mapTo(Integer.class)
            .findOne()
            .orElse(0)
        == 1;
  }

  /** A session opened from a host token; {@code ticketExternalId} is null when not given. */
  public record HostSession(User user, String csrfToken, String ticketExternalId) {}

  void login(Context ctx) {
    HostSession session = open(ctx);
    var body = new LinkedHashMap<String, Object>();
    body.put("user", session.user());
    body.put("csrfToken", session.csrfToken());
    if (session.ticketExternalId() != null)
      body.put("ticketExternalId", session.ticketExternalId());
    ctx.json(body);
  }

  /** Verifies the host token of the request, opens a session and sets its cookie. */
  public HostSession open(Context ctx) {
    String connectionId = ctx.pathParam("connectionId");
    String token = token(ctx);
    var settings = store.settings(connectionId);
    HostIdentity identity =
        connectors
            .provider(settings.host())
            .flatMap(ConnectorProvider::panelLogin)
            .flatMap(login -> login.verify(token, settings, clock.instant()))
            .orElseThrow(
                () -> HttpProblem.unauthorized("host token is not valid for this connection"));
    freshness.requireFresh(token);
    User user =
        db.write(h -> mapped(h, connectionId, identity))
            .orElseThrow(
                () ->
                    HttpProblem.forbidden(
                        "host user "
                            + identity.userId()
                            + " is not linked to a companion user; ask an admin to add them"));
    Sessions.Opened session = sessions.open(user.id());
    ctx.cookie(cookies.open(session.token(), (int) sessions.ttl().toSeconds()));
    return new HostSession(user, session.csrfToken(), identity.ticketExternalId());
  }

  private Optional<User> mapped(
      org.jdbi.v3.core.Handle h, String connectionId, HostIdentity identity) {
    Optional<User> linked =
        users
            .linked(h, connectionId, UserDirectory.USER, identity.userId())
            .flatMap(id -> users.user(h, id));
    if (linked.isPresent()) return linked.filter(User::active);
    if (identity.email() == null || !matchesEmail(h, connectionId)) return Optional.empty();
    Optional<User> byEmail =
        h.createQuery("SELECT id FROM users WHERE lower(email) = lower(?) AND active = 1")
            .bind(0, identity.email())
            .mapTo(String.class)
            .findOne()
            .flatMap(id -> users.user(h, id));
    byEmail.ifPresent(
        u -> users.link(h, connectionId, UserDirectory.USER, identity.userId(), u.id()));
    return byEmail;
  }

  private static String token(Context ctx) {
    return BearerToken.from(ctx).orElseGet(() -> Fields.required(ctx.formParam("token"), "token"));
  }
}
