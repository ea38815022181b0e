package io.qccompanion.server.connections;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.ReplayGuard;
import io.qccompanion.server.auth.Secrets;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.web.HttpProblem;
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
public final class WebhookReplays {
  public static final Duration WINDOW = Duration.ofMinutes(15);
  private final ReplayGuard guard;

  public WebhookReplays(ReplayGuard guard) {
    this.guard = guard;
  }

  /** False for a duplicate delivery; 401 for one outside the time window. */
  boolean firstDelivery(
      String connectionId, Map<String, String> headers, byte[] body, Instant now) {
    Instant sent = sentAt(headers, body);
    if (sent != null && Duration.between(sent, now).abs().compareTo(WINDOW) > 0)
      throw HttpProblem.unauthorized(
          "webhook delivery is older than " + WINDOW.toMinutes() + " minutes (replay?)");
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
    return guard.firstUse("webhook", key.toString(), WINDOW.multipliedBy(2));
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
