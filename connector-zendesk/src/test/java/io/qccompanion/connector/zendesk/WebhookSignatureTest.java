package io.qccompanion.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
  private static final byte[] BODY =
      "{\"ticket_id\":\"35436\",\"status\":\"solved\"}".getBytes(StandardCharsets.UTF_8);
  private static final String SENT = "2026-11-23T09:00:00Z";
  private static final Instant NOW = Instant.parse("2026-11-23T09:01:30Z");

  private final ZendeskConnectorProvider provider = new ZendeskConnectorProvider();

  private static Map<String, String> headers(String timestamp, byte[] body, String secret) {
    Map<String, String> headers = new HashMap<>();
    headers.put(
        "x-zendesk-webhook-signature",
        Base64.getEncoder().encodeToString(WebhookSignature.sign(secret, timestamp, body)));
    headers.put("x-zendesk-webhook-signature-timestamp", timestamp);
    return headers;
  }

  @Test
  void acceptsAFreshCorrectlySignedCall() {
    assertThat(provider.verifyWebhook(headers(SENT, BODY, SECRET), BODY, SECRET, NOW)).isTrue();
  }

  @Test
  void signatureIsBase64HmacSha256OfTimestampThenBody() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        Base64.getEncoder()
            .encodeToString(
                mac.doFinal(
                    (SENT + new String(BODY, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)));

    Map<String, String> headers = new HashMap<>();
    headers.put("x-zendesk-webhook-signature", expected);
    headers.put("x-zendesk-webhook-signature-timestamp", SENT);

    assertThat(provider.verifyWebhook(headers, BODY, SECRET, NOW)).isTrue();
  }

  @Test
  void rejectsATamperedBody() {
    byte[] forged = "{\"ticket_id\":\"1\",\"status\":\"solved\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(provider.verifyWebhook(headers(SENT, BODY, SECRET), forged, SECRET, NOW)).isFalse();
  }

  @Test
  void rejectsASignatureMadeWithAnotherSecret() {
    assertThat(provider.verifyWebhook(headers(SENT, BODY, "other"), BODY, SECRET, NOW)).isFalse();
  }

  @Test
  void rejectsMissingHeaders() {
    Map<String, String> noSignature = headers(SENT, BODY, SECRET);
    noSignature.remove("x-zendesk-webhook-signature");
    Map<String, String> noTimestamp = headers(SENT, BODY, SECRET);
    noTimestamp.remove("x-zendesk-webhook-signature-timestamp");

    assertThat(provider.verifyWebhook(noSignature, BODY, SECRET, NOW)).isFalse();
    assertThat(provider.verifyWebhook(noTimestamp, BODY, SECRET, NOW)).isFalse();
    assertThat(provider.verifyWebhook(headers(SENT, BODY, SECRET), BODY, "", NOW)).isFalse();
  }

  @Test
  void rejectsStaleCallsOlderThanFiveMinutes() {
    String old = "2026-11-23T08:56:29Z";

    assertThat(provider.verifyWebhook(headers(old, BODY, SECRET), BODY, SECRET, NOW)).isFalse();
    assertThat(
            provider.verifyWebhook(
                headers("2026-11-23T08:56:31Z", BODY, SECRET), BODY, SECRET, NOW))
        .isTrue();
  }

  @Test
  void rejectsTimestampsFromTheFuture() {
    String ahead = "2026-11-23T09:03:00Z";

    assertThat(provider.verifyWebhook(headers(ahead, BODY, SECRET), BODY, SECRET, NOW)).isFalse();
  }

  @Test
  void rejectsAReplayedSignatureUnderANewTimestamp() {
    Map<String, String> replay = headers(SENT, BODY, SECRET);
    replay.put("x-zendesk-webhook-signature-timestamp", "2026-11-23T09:01:00Z");

    assertThat(provider.verifyWebhook(replay, BODY, SECRET, NOW)).isFalse();
  }
}
