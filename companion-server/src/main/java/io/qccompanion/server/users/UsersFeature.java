package io.qccompanion.server.users;

import io.javalin.config.RoutesConfig;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.ApiTokens;
import io.qccompanion.server.auth.LoginThrottle;
import io.qccompanion.server.auth.SessionCookies;
import io.qccompanion.server.auth.Sessions;
import io.qccompanion.server.store.Database;
import java.time.Clock;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/**
 * The users feature's routes: login and sessions, users and their API tokens, teams, and agents
 * with their links to users and host identities. {@link UserDirectory} is the service other
 * features use.
 */
public final class UsersFeature {
  private UsersFeature() {}

  /**
   * Registers the routes.
   *
   * @param recount recounts an evaluation in the aggregates when its agent link changes
   */
  public static void register(
      RoutesConfig r,
      Database db,
      UserDirectory users,
      Sessions sessions,
      ApiTokens tokens,
      SessionCookies cookies,
      LoginThrottle throttle,
      AuditLog audit,
      Clock clock,
      BiConsumer<Handle, String> recount) {
    new UserRoutes(db, users, sessions, tokens, audit, cookies, throttle).register(r);
    new AgentRoutes(db, users, new AgentLinks(clock, audit, recount), audit).register(r);
  }
}
