package io.qccompanion.server.users;

import static io.qccompanion.server.auth.Role.ADMIN;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.ApiTokens;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.BearerToken;
import io.qccompanion.server.auth.LoginThrottle;
import io.qccompanion.server.auth.Passwords;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.auth.SameOrigin;
import io.qccompanion.server.auth.SessionCookies;
import io.qccompanion.server.auth.Sessions;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Login, the caller's profile and API tokens, and the admin's users, teams and agents. */
final class UserRoutes {
  private final Database db;
  private final UserDirectory users;
  private final Sessions sessions;
  private final ApiTokens tokens;
  private final AuditLog audit;
  private final SessionCookies cookies;
  private final LoginThrottle throttle;

  public UserRoutes(
      Database db,
      UserDirectory users,
      Sessions sessions,
      ApiTokens tokens,
      AuditLog audit,
      SessionCookies cookies,
      LoginThrottle throttle) {
    this.throttle = throttle;
    this.db = db;
    this.users = users;
    this.sessions = sessions;
    this.tokens = tokens;
    this.audit = audit;
    this.cookies = cookies;
  }

  public void register(RoutesConfig r) {
    r.post("/api/v1/auth/login", this::login);
    r.post("/api/v1/auth/logout", this::logout, Role.ANYONE);
    r.get("/api/v1/me", this::me, Role.ANYONE);
    r.get("/api/v1/me/tokens", this::listTokens, Role.ANYONE);
    r.post("/api/v1/me/tokens", this::createToken, Role.ANYONE);
    r.delete("/api/v1/me/tokens/{id}", this::revokeToken, Role.ANYONE);
    r.get("/api/v1/users", ctx -> ctx.json(Map.of("items", users.users())), ADMIN);
    r.post("/api/v1/users", this::createUser, ADMIN);
    r.patch("/api/v1/users/{id}", this::updateUser, ADMIN);
    r.put("/api/v1/users/{id}/host-identities", this::linkHostIdentity, ADMIN);
    r.get("/api/v1/teams", ctx -> ctx.json(Map.of("items", users.teams())), Role.STAFF);
    r.post("/api/v1/teams", this::createTeam, ADMIN);
    r.post("/api/v1/agents", this::createAgent, ADMIN);
  }

  record LoginRequest(String email, String password) {}

  void login(Context ctx) {
    SameOrigin.requireJsonFromHere(ctx);
    LoginRequest req = Bodies.read(ctx, LoginRequest.class);
    String email = Fields.required(req.email(), "/email");
    Passwords.requireHashable(Fields.required(req.password(), "/password"), "/password");
    long wait = throttle.retryAfterSeconds(email, ctx.ip());
    if (wait > 0) {
      ctx.header("Retry-After", String.valueOf(wait));
      throw new HttpProblem(
          429, "Too many attempts", "too many failed logins; retry in " + wait + " s", null);
    }
    Optional<User> found = users.login(email, req.password());
    if (found.isEmpty()) {
      throttle.failed(email, ctx.ip());
      throw HttpProblem.unauthorized("email or password is wrong");
    }
    throttle.succeeded(email);
    User user = found.get();
    Sessions.Opened session = sessions.open(user.id());
    ctx.cookie(cookies.open(session.token(), (int) sessions.ttl().toSeconds()));
    ctx.json(Map.of("user", user, "csrfToken", session.csrfToken()));
  }

  void logout(Context ctx) {
    String token = ctx.cookie(Authenticator.SESSION_COOKIE);
    if (token != null) sessions.close(token);
    ctx.cookie(cookies.expired());
    ctx.status(204);
  }

  void me(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ctx.json(users.user(p.userId()).orElseThrow());
  }

  void listTokens(Context ctx) {
    ctx.json(Map.of("items", tokens.list(Authenticator.principal(ctx).userId())));
  }

  record TokenRequest(String name) {}

  void createToken(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String name = Fields.required(Bodies.read(ctx, TokenRequest.class).name(), "/name");
    ApiTokens.Created created =
        db.write(
            h -> {
              var c = tokens.create(h, p.userId(), name);
              audit.record(
                  h, p.userId(), "token.create", "api_token", c.info().id(), null, c.info());
              return c;
            });
    ctx.status(201).json(created);
  }

  void revokeToken(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    db.run(
        h -> {
          if (!tokens.revoke(h, p.userId(), id)) throw HttpProblem.notFound("token", id);
          audit.record(h, p.userId(), "token.revoke", "api_token", id, null, null);
        });
    ctx.status(204);
  }

  record UserRequest(
      String email,
      String name,
      String role,
      String password,
      String agentId,
      List<String> teamIds,
      Integer weeklyCapacity,
      Boolean active) {}

  void createUser(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    UserRequest req = Bodies.read(ctx, UserRequest.class);
    String email = Fields.required(req.email(), "/email");
    if (!email.contains("@")) throw HttpProblem.invalid("/email", "email must contain @");
    String name = Fields.required(req.name(), "/name");
    Role role = Fields.oneOf(Role.class, req.role(), "/role");
    if (req.password() != null && req.password().length() < 10)
      throw HttpProblem.invalid("/password", "password must have at least 10 characters");
    Passwords.requireHashable(req.password(), "/password");
    if (role == Role.AGENT && req.agentId() == null)
      throw HttpProblem.invalid("/agentId", "an AGENT user must be linked to an agent");
    int capacity =
        req.weeklyCapacity() == null
            ? 40
            : Fields.range(req.weeklyCapacity(), 0, 10_000, "/weeklyCapacity");
    User created =
        db.write(
            h -> {
              User u =
                  users.createUser(
                      h,
                      email,
                      name,
                      role,
                      req.password(),
                      req.agentId(),
                      req.teamIds() == null ? List.of() : req.teamIds(),
                      capacity);
              audit.record(h, p.userId(), "user.create", "user", u.id(), null, u);
              return u;
            });
    ctx.status(201).json(created);
  }

  void updateUser(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    UserRequest req = Bodies.read(ctx, UserRequest.class);
    if (req.email() != null) throw HttpProblem.invalid("/email", "email cannot be changed");
    Passwords.requireHashable(req.password(), "/password");
    User updated =
        db.write(
            h -> {
              User before = users.user(h, id).orElseThrow(() -> HttpProblem.notFound("user", id));
              User after =
                  new User(
                      id,
                      before.email(),
                      req.name() == null ? before.name() : Fields.required(req.name(), "/name"),
                      req.role() == null
                          ? before.role()
                          : Fields.oneOf(Role.class, req.role(), "/role"),
                      req.agentId() == null
                          ? before.agentId()
                          : users.requireAgent(h, req.agentId(), "/agentId").id(),
                      req.teamIds() == null ? before.teamIds() : req.teamIds(),
                      req.weeklyCapacity() == null
                          ? before.weeklyCapacity()
                          : Fields.range(req.weeklyCapacity(), 0, 10_000, "/weeklyCapacity"),
                      req.active() == null ? before.active() : req.active());
              for (int i = 0; i < after.teamIds().size(); i++)
                users.requireTeam(h, after.teamIds().get(i), "/teamIds/" + i);
              users.update(h, after);
              if (req.password() != null) {
                if (req.password().length() < 10)
                  throw HttpProblem.invalid(
                      "/password", "password must have at least 10 characters");
                users.setPassword(h, id, req.password());
              }
              if (req.password() != null || before.active() && !after.active())
                revokeOtherCredentials(h, ctx, p, id);
              audit.record(h, p.userId(), "user.update", "user", id, before, after);
              return users.user(h, id).orElseThrow();
            });
    ctx.json(updated);
  }

  // a new password or a deactivation ends every session and API token of the user but the
  // caller's own current one
  private void revokeOtherCredentials(
      org.jdbi.v3.core.Handle h, Context ctx, Principal p, String userId) {
    String keepSession =
        userId.equals(p.userId()) ? ctx.cookie(Authenticator.SESSION_COOKIE) : null;
    String keepToken = userId.equals(p.userId()) ? BearerToken.from(ctx).orElse(null) : null;
    int sessionsClosed = sessions.closeAll(h, userId, keepSession);
    int tokensRevoked = tokens.revokeAll(h, userId, keepToken);
    audit.record(
        h,
        p.userId(),
        "user.revoke_credentials",
        "user",
        userId,
        null,
        Map.of("sessions", sessionsClosed, "tokens", tokensRevoked));
  }

  record HostIdentityRequest(String connectionId, String hostUserId) {}

  void linkHostIdentity(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    HostIdentityRequest req = Bodies.read(ctx, HostIdentityRequest.class);
    String connectionId = Fields.required(req.connectionId(), "/connectionId");
    String hostUserId = Fields.required(req.hostUserId(), "/hostUserId");
    db.run(
        h -> {
          users.user(h, id).orElseThrow(() -> HttpProblem.notFound("user", id));
          if (h.createQuery("SELECT count(*) FROM connections WHERE id = ?")
                  .bind(0, connectionId)
                  .mapTo(Integer.class)
                  .one()
              == 0)
            throw HttpProblem.invalid(
                "/connectionId", "connection '" + connectionId + "' does not exist");
          users.link(h, connectionId, UserDirectory.USER, hostUserId, id);
          audit.record(h, p.userId(), "user.link_host_identity", "user", id, null, req);
        });
    ctx.status(204);
  }

  record TeamRequest(String name) {}

  void createTeam(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String name = Fields.required(Bodies.read(ctx, TeamRequest.class).name(), "/name");
    Team team =
        db.write(
            h -> {
              Team t = users.createTeam(h, name);
              audit.record(h, p.userId(), "team.create", "team", t.id(), null, t);
              return t;
            });
    ctx.status(201).json(team);
  }

  record AgentRequest(String name, String email, String teamId, Instant startedAt) {}

  void createAgent(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    AgentRequest req = Bodies.read(ctx, AgentRequest.class);
    String name = Fields.required(req.name(), "/name");
    Agent agent =
        db.write(
            h -> {
              Agent a = users.createAgent(h, name, req.email(), req.teamId(), req.startedAt());
              audit.record(h, p.userId(), "agent.create", "agent", a.id(), null, a);
              return a;
            });
    ctx.status(201).json(agent);
  }
}
