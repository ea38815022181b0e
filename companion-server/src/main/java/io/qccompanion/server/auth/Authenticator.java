package io.qccompanion.server.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.HttpProblem;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Finds the caller (Bearer API token, else session cookie) before every request, and enforces the
 * roles a route declares. Session callers must echo their CSRF token on every unsafe request.
 */
public final class Authenticator {
  public static final String SESSION_COOKIE = "qc_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final String ATTRIBUTE = "qc.principal";
  private static final Set<HandlerType> SAFE =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

  private final CallerLookup callers;

  /** Reads credentials from {@code db}; {@code cache} is the one the credential stores forget. */
  public Authenticator(Database db, Clock clock, CallerCache cache) {
    this.callers = new CallerLookup(db, clock, cache);
  }

  /** Before-matched handler: authenticates, then checks the route's roles and CSRF. */
  public void guard(Context ctx) {
    Set<? extends io.javalin.security.RouteRole> allowed = ctx.routeRoles();
    if (allowed.isEmpty()) {
      // public routes (login, webhooks, host panels) may carry a Bearer token of the host's own
      try {
        identify(ctx);
      } catch (HttpProblem notOurs) {
        // no companion caller: the route decides what the token means
      }
      return;
    }
    Principal principal =
        identify(ctx)
            .orElseThrow(() -> HttpProblem.unauthorized("log in or send a Bearer API token"));
    if (!allowed.contains(principal.role()))
      throw HttpProblem.forbidden(
          "role " + principal.role() + " may not " + ctx.method() + " " + ctx.path());
    if (principal.csrfToken() != null && !SAFE.contains(ctx.method())) {
      String sent = ctx.header(CSRF_HEADER);
      if (sent == null) sent = ctx.formParam("_csrf");
      if (!Secrets.same(sent, principal.csrfToken()))
        throw HttpProblem.forbidden("missing or wrong CSRF token (header " + CSRF_HEADER + ")");
    }
  }

  private Optional<Principal> identify(Context ctx) {
    Principal cached = ctx.attribute(ATTRIBUTE);
    if (cached != null) return Optional.of(cached);
    Optional<Principal> found = fromBearer(ctx).or(() -> fromSession(ctx));
    found.ifPresent(p -> ctx.attribute(ATTRIBUTE, p));
    return found;
  }

  private Optional<Principal> fromBearer(Context ctx) {
    Optional<String> token = BearerToken.from(ctx);
    if (token.isEmpty()) return Optional.empty();
    var found = callers.byToken(token.get());
    if (!found.credentialLive()) throw HttpProblem.unauthorized("API token is unknown or revoked");
    return found.principal();
  }

  private Optional<Principal> fromSession(Context ctx) {
    String cookie = ctx.cookie(SESSION_COOKIE);
    if (cookie == null) return Optional.empty();
    return callers.bySession(cookie).principal();
  }

  /** The authenticated caller; 401 when there is none. */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(ATTRIBUTE);
    if (p == null) throw HttpProblem.unauthorized("log in or send a Bearer API token");
    return p;
  }

  /** The caller if authenticated. */
  public static Optional<Principal> optionalPrincipal(Context ctx) {
    return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
  }

  /** Binds {@code principal} to this request (used by host-token logins). */
  public static void bind(Context ctx, Principal principal) {
    ctx.attribute(ATTRIBUTE, principal);
  }

  /** For team-scoped routes: 404 for an unknown team, 403 for a team outside the caller's scope. */
  public static void requireTeam(Handle h, Principal p, String teamId) {
    boolean exists =
        h.createQuery("SELECT COUNT(*) FROM teams WHERE id = :id")
                .bind("id", teamId)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (!exists) throw HttpProblem.notFound("team", teamId);
    if (!p.seesTeam(teamId)) throw HttpProblem.forbidden("team '" + teamId + "' is not yours");
  }
}
