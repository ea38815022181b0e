package io.qccompanion.connector.zendesk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Zendesk webhook calls: {@code x-zendesk-webhook-signature} is base64(HMAC-SHA256(secret,
 * timestamp + body)) with the timestamp from {@code x-zendesk-webhook-signature-timestamp}
 * (ISO-8601, e.g. {@code 2021-03-25T05:09:27Z}). See
 * https://developer.zendesk.com/documentation/webhooks/verifying/.
 */
final class WebhookSignature {
  static final String SIGNATURE = "x-zendesk-webhook-signature";
  static final String TIMESTAMP = "x-zendesk-webhook-signature-timestamp";
  static final Duration MAX_AGE = Duration.ofMinutes(5);
  static final Duration MAX_AHEAD = Duration.ofMinutes(1);

  private WebhookSignature() {}

  static boolean verify(Map<String, String> headers, byte[] body, String secret, Instant now) {
    if (headers == null || secret == null || secret.isEmpty() || now == null) return false;
    String signature = headers.get(SIGNATURE);
    String timestamp = headers.get(TIMESTAMP);
    if (signature == null || timestamp == null) return false;
    Instant sentAt = parse(timestamp.trim());
    if (sentAt == null) return false;
    if (sentAt.isBefore(now.minus(MAX_AGE)) || sentAt.isAfter(now.plus(MAX_AHEAD))) return false;
    byte[] expected = sign(secret, timestamp, body == null ? new byte[0] : body);
    byte[] given;
    try {
      given = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, given);
  }

  static byte[] sign(String secret, String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static Instant parse(String timestamp) {
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(timestamp));
      } catch (NumberFormatException ignored) {
        return null;
      }
    }
  }
}
