package io.qccompanion.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.web.HttpProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Host panel tokens are one-shot logins: after the connector verified the signature, a JWT must be
 * recent ({@code iat} within {@link #MAX_AGE}, {@code exp} no further than {@link #MAX_LIFETIME}
 * after it) and not seen before ({@code jti}, else the token's digest). Opaque tokens (not JWTs)
 * are only checked for reuse.
 */
public final class HostTokenFreshness {
  public static final Duration MAX_AGE = Duration.ofMinutes(5);
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(15);
  private static final Duration SKEW = Duration.ofMinutes(1);

  private final ReplayGuard replays;
  private final Clock clock;

  public HostTokenFreshness(ReplayGuard replays, Clock clock) {
    this.replays = replays;
    this.clock = clock;
  }

  /** 401 when the verified {@code token} is too old, lives too long, or was used already. */
  public void requireFresh(String token) {
    String key = requireRecent(token);
    if (!replays.firstUse("host-token", key, MAX_AGE.plus(MAX_LIFETIME)))
      throw HttpProblem.unauthorized("host token was already used");
  }

  /**
   * 401 when a JWT {@code token} is too old or lives too long (tokens the host sends on every call,
   * like Forge invocation tokens); returns its replay key.
   */
  public String requireRecent(String token) {
    Optional<JsonNode> claims = claims(token);
    String key = token;
    if (claims.isPresent()) {
      JsonNode c = claims.get();
      long now = clock.instant().getEpochSecond();
      if (!c.path("iat").canConvertToLong())
        throw HttpProblem.unauthorized("host token has no issue time (iat)");
      long iat = c.get("iat").asLong();
      if (iat < now - MAX_AGE.toSeconds() || iat > now + SKEW.toSeconds())
        throw HttpProblem.unauthorized("host token is older than " + MAX_AGE.toMinutes() + " min");
      if (c.path("exp").canConvertToLong()
          && c.get("exp").asLong() - iat > MAX_LIFETIME.toSeconds())
        throw HttpProblem.unauthorized("host token lives longer than a panel login may");
      if (c.hasNonNull("jti")) key = "jti:" + c.get("jti").asText();
    }
    return key;
  }

  /** The payload of a compact JWS, if {@code token} is one. */
  static Optional<JsonNode> claims(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) return Optional.empty();
    try {
      byte[] json = Base64.getUrlDecoder().decode(parts[1]);
      JsonNode node = Json.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }
}
