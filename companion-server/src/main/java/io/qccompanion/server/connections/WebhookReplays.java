package io.qccompanion.server.connections;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.ReplayGuard;
import io.qccompanion.server.auth.Secrets;
import io.qccompanion.server.domain.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replay defence for signed webhooks, after the connector verified the signature: a delivery
 * carrying a time (a {@code *timestamp} header, or a top-level {@code timestamp} in the body) must
 * be within {@link #WINDOW} of now; a delivery seen before (same delivery id, or same signature and
 * body) is acknowledged without a second sync request.
 */
final class WebhookReplays {
  public static final Duration WINDOW = Duration.ofMinutes(15);
  private final ReplayGuard guard;

  public WebhookReplays(ReplayGuard guard) {
    this.guard = guard;
  }

  /** What a verified delivery is. */
  enum Verdict {
    FIRST,
    DUPLICATE,
    OUTSIDE_WINDOW
  }

  /** Whether this delivery is new, a duplicate, or outside the time window. */
  Verdict check(String connectionId, Map<String, String> headers, byte[] body, Instant now) {
    Instant sent = sentAt(headers, body);
    if (sent != null && Duration.between(sent, now).abs().compareTo(WINDOW) > 0)
      return Verdict.OUTSIDE_WINDOW;
    StringBuilder key = new StringBuilder(connectionId);
    new TreeMap<>(headers)
        .forEach(
            (name, value) -> {
              if (name.contains("signature")
                  || name.contains("delivery")
                  || name.contains("webhook-id")
                  || name.contains("identifier"))
                key.append('|').append(name).append('=').append(value);
            });
    key.append('|').append(Secrets.digest(new String(body, StandardCharsets.UTF_8)));
    return guard.firstUse("webhook", key.toString(), WINDOW.multipliedBy(2))
        ? Verdict.FIRST
        : Verdict.DUPLICATE;
  }

  private static Instant sentAt(Map<String, String> headers, byte[] body) {
    for (var e : headers.entrySet())
      if (e.getKey().endsWith("timestamp")) return parse(e.getValue());
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node != null && node.isObject() && node.has("timestamp"))
        return parse(node.get("timestamp").asText());
    } catch (IOException | RuntimeException notJson) {
      // the signature was valid; a body that is not JSON simply carries no time
    }
    return null;
  }

  private static Instant parse(String value) {
    if (value == null || value.isBlank()) return null;
    try {
      long n = Long.parseLong(value.strip());
      return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
    } catch (NumberFormatException notNumber) {
      try {
        return Instant.parse(value.strip());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
