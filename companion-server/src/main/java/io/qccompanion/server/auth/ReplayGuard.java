package io.qccompanion.server.auth;

import io.qccompanion.server.store.Database;
import java.time.Clock;
import java.time.Duration;

/**
 * Remembers one-time values (host token ids, webhook deliveries) in the database, so a replay is
 * refused across restarts and across instances sharing one PostgreSQL.
 */
public final class ReplayGuard {
  private final Database db;
  private final Clock clock;

  public ReplayGuard(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * True the first time {@code key} of {@code kind} is seen within {@code remember}; false on a
   * replay. Expired keys are purged on the way.
   */
  public boolean firstUse(String kind, String key, Duration remember) {
    long now = clock.millis();
    String stored = Secrets.digest(key);
    return db.write(
        h -> {
          h.createUpdate("DELETE FROM replay_guard WHERE expires_at < :now")
              .bind("now", now)
              .execute();
          return h.createUpdate(
                      "INSERT INTO replay_guard (kind, seen_key, expires_at) VALUES (:k, :s, :e)"
                          + " ON CONFLICT (kind, seen_key) DO NOTHING")
                  .bind("k", kind)
                  .bind("s", stored)
                  .bind("e", now + remember.toMillis())
                  .execute()
              == 1;
        });
  }
}
