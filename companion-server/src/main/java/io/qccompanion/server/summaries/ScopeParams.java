package io.qccompanion.server.summaries;

import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.store.Database;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads {@code teamId}, {@code agentId} and {@code host} and applies the caller's rights. */
final class ScopeParams {
  private ScopeParams() {}

  /**
   * The authorised scope of this request. {@code teamId} takes a team's id or its name (the team
   * picker sends names people type); an unknown team is a 400, never a silent empty summary.
   */
  public static Scope read(Context ctx, Database db) {
    String team = blankToNull(ctx.queryParam("teamId"));
    if (team != null) team = db.read(h -> teamId(h, ctx.queryParam("teamId").strip()));
    return Scope.resolve(
        Authenticator.principal(ctx),
        team,
        blankToNull(ctx.queryParam("agentId")),
        blankToNull(ctx.queryParam("host")),
        id -> db.read(h -> teamOfAgent(h, id)));
  }

  /** Empty when the agent does not exist; else the agent's team (empty when none). */
  public static Optional<Optional<String>> teamOfAgent(Handle h, String agentId) {
    return h.createQuery("SELECT team_id FROM agents WHERE id = :id")
        .bind("id", agentId)
        .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
        .findOne();
  }

  private static String teamId(Handle h, String idOrName) {
    return h.createQuery(
            "SELECT id FROM teams WHERE id = :v OR lower(name) = lower(:v) ORDER BY CASE WHEN id = :v"
                + " THEN 0 ELSE 1 END LIMIT 1")
        .bind("v", idOrName)
        .mapTo(String.class)
        .findOne()
        .orElseThrow(
            () ->
                io.qccompanion.server.web.HttpProblem.invalid(
                    "teamId", "no team with id or name '" + idOrName + "'"));
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
