package io.qccompanion.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  static final byte[] BODY =
      "{\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"id\":\"10042\"}}"
          .getBytes(StandardCharsets.UTF_8);
  // printf '%s' BODY | openssl dgst -sha256 -hmac s3cret
  static final String SIGNATURE =
      "sha256=2615e4b4c9483d0a059746583bcfc604997f7dcbc4f4b94dea34a9ade0da7169";
  final JiraConnectorProvider provider = new JiraConnectorProvider();

  @Test
  void acceptsTheSignatureJiraComputesOverTheBody() {
    assertThat(
            provider.verifyWebhook(
                Map.of("x-hub-signature", SIGNATURE), BODY, "s3cret", Instant.now()))
        .isTrue();
  }

  @Test
  void rejectsAForgedBodyOrSecret() {
    byte[] forged = "{\"webhookEvent\":\"jira:issue_deleted\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(
            provider.verifyWebhook(
                Map.of("x-hub-signature", SIGNATURE), forged, "s3cret", Instant.now()))
        .isFalse();
    assertThat(
            provider.verifyWebhook(
                Map.of("x-hub-signature", SIGNATURE), BODY, "other", Instant.now()))
        .isFalse();
  }

  @Test
  void rejectsAMissingOrMalformedHeader() {
    assertThat(provider.verifyWebhook(Map.of(), BODY, "s3cret", Instant.now())).isFalse();
    assertThat(
            provider.verifyWebhook(
                Map.of("x-hub-signature", SIGNATURE.substring(7)), BODY, "s3cret", Instant.now()))
        .isFalse();
  }
}
