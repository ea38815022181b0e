package io.qccompanion.server.auth;

import io.qccompanion.server.store.Database;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.store.Millis;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Personal API tokens: shown once on creation, stored as SHA-256 digests, revocable. */
public final class ApiTokens {
  private final Database db;
  private final Clock clock;
  private final CallerCache callers;

  public ApiTokens(Database db, Clock clock, CallerCache callers) {
    this.db = db;
    this.clock = clock;
    this.callers = callers;
  }

  /** A token as listed (never with its secret). */
  public record TokenInfo(
      String id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

  /** A freshly created token; {@code token} is shown to the user once. */
  public record Created(TokenInfo info, String token) {}

  public Created create(Handle h, String userId, String name) {
    String token = Secrets.randomToken("qct_", 32);
    String id = Ids.newId();
    long now = clock.millis();
    h.createUpdate(
            "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(0, id)
        .bind(1, userId)
        .bind(2, name)
        .bind(3, Secrets.digest(token))
        .bind(4, now)
        .execute();
    return new Created(new TokenInfo(id, name, Instant.ofEpochMilli(now), null, null), token);
  }

  public List<TokenInfo> list(String userId) {
    return db.read(
        h ->
            h.createQuery(
                    """
                    SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens
                    WHERE user_id = ? ORDER BY created_at""")
                .bind(0, userId)
                .map(
                    (rs, ctx) ->
                        new TokenInfo(
                            rs.getString(1),
                            rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)),
                            Millis.toInstant(rs.getObject(4)),
                            Millis.toInstant(rs.getObject(5))))
                .list());
  }

  /** Revokes a token of {@code userId}; false when no such live token. */
  public boolean revoke(Handle h, String userId, String tokenId) {
    callers.forgetAll(h);
    return h.createUpdate(
                "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
            .bind(0, clock.millis())
            .bind(1, tokenId)
            .bind(2, userId)
            .execute()
        == 1;
  }

  /** Revokes every live token of {@code userId} except {@code keep}; returns how many. */
  public int revokeAll(Handle h, String userId, String keep) {
    callers.forgetAll(h);
    return h.createUpdate(
            "UPDATE api_tokens SET revoked_at = :now WHERE user_id = :u AND revoked_at IS NULL"
                + " AND token_hash <> :keep")
        .bind("now", clock.millis())
        .bind("u", userId)
        .bind("keep", keep == null ? "" : Secrets.digest(keep))
        .execute();
  }
}
