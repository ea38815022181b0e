package io.qccompanion.server.auth;

import io.qccompanion.server.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who holds an API token or a session cookie: one query (credential, user and teams joined) on one
 * pool connection, behind a {@link CallerCache}.
 */
final class CallerLookup {
  private static final String USER_COLUMNS =
      "u.id, u.name, u.role, u.agent_id, u.active, ut.team_id";
  private static final String USER_JOINS =
      " JOIN users u ON u.id = c.user_id LEFT JOIN user_teams ut ON ut.user_id = u.id";
  private static final String BY_TOKEN =
      "SELECT "
          + USER_COLUMNS
          + ", NULL AS csrf_token, NULL AS expires_at FROM api_tokens c"
          + USER_JOINS
          + " WHERE c.token_hash = ? AND c.revoked_at IS NULL";
  private static final String BY_SESSION =
      "SELECT "
          + USER_COLUMNS
          + ", c.csrf_token, c.expires_at FROM sessions c"
          + USER_JOINS
          + " WHERE c.token_hash = ? AND c.expires_at > ?";

  /** What a credential resolves to: no such credential, an inactive user, or a caller. */
  record Found(boolean credentialLive, Optional<Principal> principal) {
    static final Found NONE = new Found(false, Optional.empty());
  }

  private final Database db;
  private final Clock clock;
  private final CallerCache cache;

  CallerLookup(Database db, Clock clock, CallerCache cache) {
    this.db = db;
    this.clock = clock;
    this.cache = cache;
  }

  /** The caller of a live API token; an unknown or revoked one is {@link Found#NONE}. */
  Found byToken(String token) {
    return find("t:", BY_TOKEN, Secrets.digest(token));
  }

  /** The caller of a live session cookie, with the session's CSRF token. */
  Found bySession(String cookie) {
    return find("s:", BY_SESSION, Secrets.digest(cookie));
  }

  private Found find(String kind, String sql, String digest) {
    long now = clock.millis();
    String key = kind + digest;
    Optional<Principal> cached = cache.get(key, now);
    if (cached.isPresent()) return new Found(true, cached);
    long generation = cache.generation();
    Row row =
        db.read(
            h -> {
              var query = h.createQuery(sql).bind(0, digest);
              if (kind.equals("s:")) query.bind(1, now);
              return query.scanResultSet((rs, ctx) -> read(rs.get()));
            });
    if (row == null) return Found.NONE;
    if (!row.active()) return new Found(true, Optional.empty());
    cache.put(key, row.principal(), generation, row.expiresAt());
    return new Found(true, Optional.of(row.principal()));
  }

  private record Row(Principal principal, boolean active, long expiresAt) {}

  // one row per team of the user (one row with a null team when it has none)
  private static Row read(ResultSet rs) throws SQLException {
    if (!rs.next()) return null;
    String id = rs.getString("id");
    String name = rs.getString("name");
    Role role = Role.valueOf(rs.getString("role"));
    String agentId = rs.getString("agent_id");
    boolean active = rs.getInt("active") == 1;
    String csrf = rs.getString("csrf_token");
    long expires = rs.getLong("expires_at");
    long expiresAt = rs.wasNull() ? Long.MAX_VALUE : expires;
    Set<String> teams = new LinkedHashSet<>();
    do {
      String team = rs.getString("team_id");
      if (team != null) teams.add(team);
    } while (rs.next());
    return new Row(
        new Principal(id, name, role, agentId, Set.copyOf(teams), csrf), active, expiresAt);
  }
}
