package io.qccompanion.server.users;

import io.qccompanion.server.auth.CallerCache;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.auth.Secrets;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.store.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** Users, teams and agents, and the host identities that link them to connections. */
public final class UserDirectory {
  /** Kinds of host identity. */
  public static final String AGENT = "agent";

  public static final String USER = "user";
  public static final String TEAM = "team";

  private final Database db;
  private final Clock clock;
  private final CallerCache callers;

  /** {@code callers} is forgotten whenever a user's role, teams, activity or password change. */
  public UserDirectory(Database db, Clock clock, CallerCache callers) {
    this.db = db;
    this.clock = clock;
    this.callers = callers;
  }

  public User createUser(
      Handle h,
      String email,
      String name,
      Role role,
      String password,
      String agentId,
      List<String> teamIds,
      int weeklyCapacity) {
    if (h.createQuery("SELECT count(*) FROM users WHERE lower(email) = lower(?)")
            .bind(0, email)
            .mapTo(Integer.class)
            .one()
        > 0) throw new Conflict("a user with email " + email + " already exists");
    if (agentId != null) requireAgent(h, agentId, "/agentId");
    for (int i = 0; i < teamIds.size(); i++) requireTeam(h, teamIds.get(i), "/teamIds/" + i);
    String id = Ids.newId();
    h.createUpdate(
            """
            INSERT INTO users (id, email, name, role, password_hash, agent_id, weekly_capacity, active, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)""")
        .bind(0, id)
        .bind(1, email)
        .bind(2, name)
        .bind(3, role.name())
        .bind(4, password == null ? null : Secrets.hashPassword(password))
        .bind(5, agentId)
        .bind(6, weeklyCapacity)
        .bind(7, clock.millis())
        .execute();
    setTeams(h, id, teamIds);
    return user(h, id).orElseThrow();
  }

  public void setTeams(Handle h, String userId, List<String> teamIds) {
    callers.forgetAll(h);
    h.createUpdate("DELETE FROM user_teams WHERE user_id = ?").bind(0, userId).execute();
    for (String team : new HashSet<>(teamIds))
      h.createUpdate("INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)")
          .bind(0, userId)
          .bind(1, team)
          .execute();
  }

  public void update(Handle h, User user) {
    callers.forgetAll(h);
    h.createUpdate(
            """
            UPDATE users SET name = ?, role = ?, agent_id = ?, weekly_capacity = ?, active = ?,
              deactivated_at = CASE WHEN ? = 1 THEN NULL ELSE COALESCE(deactivated_at, ?) END
            WHERE id = ?""")
        .bind(0, user.name())
        .bind(1, user.role().name())
        .bind(2, user.agentId())
        .bind(3, user.weeklyCapacity())
        .bind(4, user.active() ? 1 : 0)
        .bind(5, user.active() ? 1 : 0)
        .bind(6, clock.millis())
        .bind(7, user.id())
        .execute();
    setTeams(h, user.id(), user.teamIds());
  }

  public void setPassword(Handle h, String userId, String password) {
    callers.forgetAll(h);
    h.createUpdate("UPDATE users SET password_hash = ? WHERE id = ?")
        .bind(0, Secrets.hashPassword(password))
        .bind(1, userId)
        .execute();
  }

  public Optional<User> user(Handle h, String id) {
    return h.createQuery("SELECT * FROM users WHERE id = ?")
        .bind(0, id)
        .map((rs, ctx) -> mapUser(h, rs))
        .findOne();
  }

  public Optional<User> user(String id) {
    return db.read(h -> user(h, id));
  }

  public List<User> users() {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM users ORDER BY name")
                .map((rs, ctx) -> mapUser(h, rs))
                .list());
  }

  // an unknown or inactive e-mail costs the same bcrypt work as a known one (no timing oracle);
  // hashed on the first login, not at start-up (one bcrypt at cost 12 is ~0.25 s)
  private static final class DummyHash {
    static final String VALUE = Secrets.hashPassword("no such user: timing only");
  }

  /** The user with this email and password, if both match and the user is active. */
  public Optional<User> login(String email, String password) {
    return db.read(
        h -> {
          var row =
              h.createQuery(
                      "SELECT id, password_hash FROM users WHERE lower(email) = lower(?) AND active = 1")
                  .bind(0, email)
                  .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                  .findOne();
          String hash = row.map(r -> r[1]).filter(x -> x != null).orElse(DummyHash.VALUE);
          boolean matches = Secrets.passwordMatches(password, hash);
          return row.filter(r -> matches && r[1] != null).flatMap(r -> user(h, r[0]));
        });
  }

  /** The active user's principal, or empty for an unknown or deactivated user. */
  public Optional<Principal> principal(String userId, String csrfToken) {
    return user(userId)
        .filter(User::active)
        .map(
            u ->
                new Principal(
                    u.id(), u.name(), u.role(), u.agentId(), Set.copyOf(u.teamIds()), csrfToken));
  }

  public Team createTeam(Handle h, String name) {
    if (teamByName(h, name).isPresent()) throw new Conflict("team '" + name + "' already exists");
    String id = Ids.newId();
    h.createUpdate("INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)")
        .bind(0, id)
        .bind(1, name)
        .bind(2, clock.millis())
        .execute();
    return new Team(id, name);
  }

  public Optional<Team> teamByName(Handle h, String name) {
    return h.createQuery("SELECT id, name FROM teams WHERE name = ?")
        .bind(0, name)
        .map((rs, ctx) -> new Team(rs.getString(1), rs.getString(2)))
        .findOne();
  }

  public List<Team> teams() {
    return db.read(
        h ->
            h.createQuery("SELECT id, name FROM teams ORDER BY name")
                .map((rs, ctx) -> new Team(rs.getString(1), rs.getString(2)))
                .list());
  }

  public Team requireTeam(Handle h, String id, String field) {
    return h.createQuery("SELECT id, name FROM teams WHERE id = ?")
        .bind(0, id)
        .map((rs, ctx) -> new Team(rs.getString(1), rs.getString(2)))
        .findOne()
        .orElseThrow(() -> Invalid.malformed(field, "team '" + id + "' does not exist"));
  }

  public Agent createAgent(Handle h, String name, String email, String teamId, Instant startedAt) {
    if (teamId != null) requireTeam(h, teamId, "/teamId");
    String id = Ids.newId();
    h.createUpdate(
            "INSERT INTO agents (id, name, email, team_id, active, started_at, created_at) VALUES (?, ?, ?, ?, 1, ?, ?)")
        .bind(0, id)
        .bind(1, name)
        .bind(2, email)
        .bind(3, teamId)
        .bind(4, (startedAt == null ? clock.instant() : startedAt).toEpochMilli())
        .bind(5, clock.millis())
        .execute();
    return requireAgent(h, id, "/id");
  }

  public Agent requireAgent(Handle h, String id, String field) {
    return agent(h, id)
        .orElseThrow(() -> Invalid.malformed(field, "agent '" + id + "' does not exist"));
  }

  public Optional<Agent> agent(Handle h, String id) {
    return h.createQuery("SELECT * FROM agents WHERE id = ?")
        .bind(0, id)
        .map((rs, ctx) -> mapAgent(rs))
        .findOne();
  }

  /** The agent with this email (agents on several connections are one person). */
  public Optional<String> agentByEmail(Handle h, String email) {
    if (email == null || email.isBlank()) return Optional.empty();
    return h.createQuery("SELECT id FROM agents WHERE lower(email) = lower(?) ORDER BY created_at")
        .bind(0, email)
        .mapTo(String.class)
        .findFirst();
  }

  public List<Agent> agents() {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM agents ORDER BY name")
                .map((rs, ctx) -> mapAgent(rs))
                .list());
  }

  /** The local id linked to a host id on a connection. */
  public Optional<String> linked(Handle h, String connectionId, String kind, String hostId) {
    return h.createQuery(
            "SELECT local_id FROM host_identities WHERE connection_id = ? AND kind = ? AND host_id = ?")
        .bind(0, connectionId)
        .bind(1, kind)
        .bind(2, hostId)
        .mapTo(String.class)
        .findOne();
  }

  /** Links a host id on a connection to a local agent, user or team (replacing any link). */
  public void link(Handle h, String connectionId, String kind, String hostId, String localId) {
    h.createUpdate(
            """
            INSERT INTO host_identities (connection_id, kind, host_id, local_id) VALUES (?, ?, ?, ?)
            ON CONFLICT (connection_id, kind, host_id) DO UPDATE SET local_id = excluded.local_id""")
        .bind(0, connectionId)
        .bind(1, kind)
        .bind(2, hostId)
        .bind(3, localId)
        .execute();
  }

  private User mapUser(Handle h, ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    List<String> teams =
        h.createQuery("SELECT team_id FROM user_teams WHERE user_id = ? ORDER BY team_id")
            .bind(0, id)
            .mapTo(String.class)
            .list();
    return new User(
        id,
        rs.getString("email"),
        rs.getString("name"),
        Role.valueOf(rs.getString("role")),
        rs.getString("agent_id"),
        teams,
        rs.getInt("weekly_capacity"),
        rs.getInt("active") == 1);
  }

  private static Agent mapAgent(ResultSet rs) throws SQLException {
    return new Agent(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("email"),
        rs.getString("team_id"),
        rs.getInt("active") == 1,
        Instant.ofEpochMilli(rs.getLong("started_at")));
  }
}
