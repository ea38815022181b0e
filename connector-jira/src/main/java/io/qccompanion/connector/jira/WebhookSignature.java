package io.qccompanion.connector.jira;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Jira Cloud webhooks registered with a secret carry {@code X-Hub-Signature: sha256=<hex
 * HMAC-SHA256 of the body>} (WebSub style). Jira sends no signed timestamp, so freshness cannot be
 * proven here.
 */
final class WebhookSignature {
  static final String HEADER = "x-hub-signature";

  private WebhookSignature() {}

  static boolean verify(Map<String, String> headers, byte[] body, String secret) {
    if (headers == null || body == null || secret == null || secret.isEmpty()) return false;
    String header = headers.get(HEADER);
    if (header == null || !header.startsWith("sha256=")) return false;
    byte[] expected = sign(body, secret).getBytes(StandardCharsets.US_ASCII);
    byte[] given =
        header
            .substring("sha256=".length())
            .trim()
            .toLowerCase(java.util.Locale.ROOT)
            .getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  /** Hex HMAC-SHA256 of {@code body}; also used by {@code SimulatedJira} and tests. */
  static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
