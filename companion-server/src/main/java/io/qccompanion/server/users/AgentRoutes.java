package io.qccompanion.server.users;

import static io.qccompanion.server.auth.Role.ADMIN;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.util.List;
import java.util.Map;

/**
 * Agents with their host badges, linking and unlinking host identities (one person, one agent),
 * renaming agents and teams, and a user's host identities.
 */
final class AgentRoutes {
  private final Database db;
  private final UserDirectory users;
  private final AgentLinks links;
  private final AuditLog audit;

  public AgentRoutes(Database db, UserDirectory users, AgentLinks links, AuditLog audit) {
    this.db = db;
    this.users = users;
    this.links = links;
    this.audit = audit;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/agents", this::list, Role.STAFF);
    r.get("/api/v1/agents/duplicates", this::duplicates, ADMIN);
    r.patch("/api/v1/agents/{id}", this::updateAgent, ADMIN);
    r.post("/api/v1/agents/{id}/links", this::link, ADMIN);
    r.delete("/api/v1/agents/{id}/identities/{connectionId}/{hostId}", this::unlink, ADMIN);
    r.patch("/api/v1/teams/{id}", this::renameTeam, ADMIN);
    r.get("/api/v1/users/{id}/host-identities", this::userIdentities, ADMIN);
    r.get("/api/v1/people", this::people, Role.STAFF);
  }

  /** A staff member as pickers show them (owner of an escalation or a plan). */
  public record Person(String id, String name, Role role) {}

  /** Active staff (not agents): names for owner pickers, readable by every staff member. */
  void people(Context ctx) {
    ctx.json(
        Map.of(
            "items",
            db.read(
                h ->
                    h.createQuery(
                            "SELECT id, name, role FROM users WHERE active = 1 AND role <> 'AGENT'"
                                + " ORDER BY name, id")
                        .map(
                            (rs, c) ->
                                new Person(
                                    rs.getString(1),
                                    rs.getString(2),
                                    Role.valueOf(rs.getString(3))))
                        .list())));
  }

  /** An agent as lists show it: one row per person, a badge per host identity. */
  public record AgentView(
      String id,
      String name,
      String email,
      String teamId,
      String teamName,
      boolean active,
      java.time.Instant startedAt,
      List<AgentLinks.Identity> hosts) {}

  void list(Context ctx) {
    boolean all = "true".equals(ctx.queryParam("includeInactive"));
    List<AgentView> items =
        db.read(
            h ->
                h
                    .createQuery("SELECT id FROM agents ORDER BY name, id")
                    .mapTo(String.class)
                    .list()
                    .stream()
                    .map(id -> users.agent(h, id).orElseThrow())
                    .filter(a -> all || a.active())
                    .map(a -> view(h, a))
                    .toList());
    ctx.json(Map.of("items", items));
  }

  private AgentView view(org.jdbi.v3.core.Handle h, Agent a) {
    String team =
        a.teamId() == null
            ? null
            : h.createQuery("SELECT name FROM teams WHERE id = :id")
                .bind("id", a.teamId())
                .mapTo(String.class)
                .findOne()
                .orElse(null);
    return new AgentView(
        a.id(),
        a.name(),
        a.email(),
        a.teamId(),
        team,
        a.active(),
        a.startedAt(),
        links.identities(h, a.id()));
  }

  void duplicates(Context ctx) {
    ctx.json(
        Map.of(
            "items",
            db.read(
                h ->
                    links.likelyDuplicates(h).stream()
                        .map(
                            ids ->
                                ids.stream()
                                    .map(id -> view(h, users.agent(h, id).orElseThrow()))
                                    .toList())
                        .toList())));
  }

  /** A change of an agent; absent fields stay. */
  record AgentChange(String name, String teamId, Boolean active) {}

  void updateAgent(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    AgentChange req = Bodies.read(ctx, AgentChange.class);
    ctx.json(
        db.write(
            h -> {
              Agent before =
                  users.agent(h, id).orElseThrow(() -> HttpProblem.notFound("agent", id));
              String name =
                  req.name() == null ? before.name() : Fields.required(req.name(), "/name").strip();
              String team =
                  req.teamId() == null
                      ? before.teamId()
                      : users.requireTeam(h, req.teamId(), "/teamId").id();
              boolean active = req.active() == null ? before.active() : req.active();
              h.createUpdate(
                      "UPDATE agents SET name = :n, team_id = :t, active = :a WHERE id = :id")
                  .bind("n", name)
                  .bind("t", team)
                  .bind("a", active ? 1 : 0)
                  .bind("id", id)
                  .execute();
              Agent after = users.agent(h, id).orElseThrow();
              audit.record(h, p.userId(), "agent.update", "agent", id, before, after);
              return view(h, after);
            }));
  }

  /** Links another agent (the same person on another host) into this one. */
  record LinkRequest(String agentId) {}

  void link(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    String other = Fields.required(Bodies.read(ctx, LinkRequest.class).agentId(), "/agentId");
    ctx.json(
        db.write(
            h -> {
              links.link(h, p.userId(), id, other);
              return view(h, users.agent(h, id).orElseThrow());
            }));
  }

  void unlink(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    var created =
        db.write(
            h -> {
              Agent a =
                  links.unlink(
                      h, p.userId(), id, ctx.pathParam("connectionId"), ctx.pathParam("hostId"));
              return view(h, a);
            });
    ctx.status(201).json(created);
  }

  record TeamChange(String name) {}

  void renameTeam(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    String name = Fields.required(Bodies.read(ctx, TeamChange.class).name(), "/name").strip();
    ctx.json(
        db.write(
            h -> {
              Team before = users.requireTeam(h, id, "/id");
              var clash = users.teamByName(h, name);
              if (clash.isPresent() && !clash.get().id().equals(id))
                throw HttpProblem.conflict("team '" + name + "' already exists");
              h.createUpdate("UPDATE teams SET name = :n WHERE id = :id")
                  .bind("n", name)
                  .bind("id", id)
                  .execute();
              Team after = new Team(id, name);
              audit.record(h, p.userId(), "team.rename", "team", id, before, after);
              return after;
            }));
  }

  /** A host login of a user (panel sign-in), with the connection it belongs to. */
  public record UserIdentity(
      String connectionId, String connectionName, String host, String hostUserId) {}

  void userIdentities(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(
        Map.of(
            "items",
            db.read(
                h -> {
                  users.user(h, id).orElseThrow(() -> HttpProblem.notFound("user", id));
                  return h.createQuery(
                          """
                          SELECT i.connection_id, c.name, c.host, i.host_id FROM host_identities i
                            JOIN connections c ON c.id = i.connection_id
                          WHERE i.kind = 'user' AND i.local_id = :u ORDER BY c.name, i.host_id""")
                      .bind("u", id)
                      .map(
                          (rs, c) ->
                              new UserIdentity(
                                  rs.getString(1),
                                  rs.getString(2),
                                  rs.getString(3),
                                  rs.getString(4)))
                      .list();
                })));
  }
}
