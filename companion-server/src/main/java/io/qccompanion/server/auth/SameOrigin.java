package io.qccompanion.server.auth;

import io.javalin.http.Context;
import io.qccompanion.server.web.HttpProblem;
import java.net.URI;
import java.util.Locale;

/**
 * Login CSRF defence: a login is a JSON request (a cross-site HTML form cannot send one without a
 * CORS preflight we never grant) from our own origin ({@code Origin} or {@code Sec-Fetch-Site} when
 * the browser sends them).
 */
public final class SameOrigin {
  private SameOrigin() {}

  /** 415 unless JSON; 403 when the browser says the request comes from another site. */
  public static void requireJsonFromHere(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json"))
      throw new HttpProblem(
          415, "Unsupported media type", "send the login as application/json", "Content-Type");
    if ("cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site")))
      throw HttpProblem.forbidden("cross-site login refused");
    String origin = ctx.header("Origin");
    if (origin != null && !sameHost(origin, ctx.host()))
      throw HttpProblem.forbidden("login from origin " + origin + " refused");
  }

  private static boolean sameHost(String origin, String host) {
    if (host == null) return false;
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null) return false;
      String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      return authority.equalsIgnoreCase(host) || uri.getHost().equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
