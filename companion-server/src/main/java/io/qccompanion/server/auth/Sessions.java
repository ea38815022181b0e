package io.qccompanion.server.auth;

import io.qccompanion.server.store.Database;
import java.time.Clock;
import java.time.Duration;

/** Login sessions: random cookie tokens stored as digests, each with its own CSRF token. */
public final class Sessions {
  private final Database db;
  private final Clock clock;
  private final Duration ttl;
  private final CallerCache callers;

  public Sessions(Database db, Clock clock, Duration ttl, CallerCache callers) {
    this.db = db;
    this.clock = clock;
    this.ttl = ttl;
    this.callers = callers;
  }

  /** A new session: the cookie value and its CSRF token. */
  public record Opened(String token, String csrfToken) {}

  public Opened open(String userId) {
    String token = Secrets.randomToken("s_", 32);
    String csrf = Secrets.randomToken("", 24);
    long now = clock.millis();
    db.run(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)""")
                .bind(0, Secrets.digest(token))
                .bind(1, userId)
                .bind(2, csrf)
                .bind(3, now)
                .bind(4, now + ttl.toMillis())
                .execute());
    return new Opened(token, csrf);
  }

  public void close(String token) {
    db.run(
        h -> {
          callers.forgetAll(h);
          h.createUpdate("DELETE FROM sessions WHERE token_hash = ?")
              .bind(0, Secrets.digest(token))
              .execute();
        });
  }

  /**
   * Ends every session of {@code userId} except the one with cookie {@code keep}; returns how many.
   */
  public int closeAll(org.jdbi.v3.core.Handle h, String userId, String keep) {
    callers.forgetAll(h);
    return h.createUpdate("DELETE FROM sessions WHERE user_id = :u AND token_hash <> :keep")
        .bind("u", userId)
        .bind("keep", keep == null ? "" : Secrets.digest(keep))
        .execute();
  }

  public Duration ttl() {
    return ttl;
  }
}
