package io.qccompanion.server.summaries;

import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.store.Database;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads {@code teamId}, {@code agentId} and {@code host} and applies the caller's rights. */
public final class ScopeParams {
  private ScopeParams() {}

  /** The authorised scope of this request. */
  public static Scope read(Context ctx, Database db) {
    return Scope.resolve(
        Authenticator.principal(ctx),
        blankToNull(ctx.queryParam("teamId")),
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

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
