package io.qccompanion.server.auth;

import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The session cookie: HttpOnly; SameSite=Lax over plain HTTP; over HTTPS Secure with SameSite=None,
 * because host panels load the companion in a cross-site iframe.
 */
public final class SessionCookies {
  private final boolean secure;

  public SessionCookies(boolean secure) {
    this.secure = secure;
  }

  public Cookie open(String token, int maxAgeSeconds) {
    var cookie = new Cookie(Authenticator.SESSION_COOKIE, token);
    cookie.setHttpOnly(true);
    cookie.setPath("/");
    cookie.setMaxAge(maxAgeSeconds);
    cookie.setSecure(secure);
    cookie.setSameSite(secure ? SameSite.NONE : SameSite.LAX);
    return cookie;
  }

  public Cookie expired() {
    return open("", 0);
  }
}
