package io.qccompanion.server.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.evaluations.TicketFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** What the reliability tests ask of a child companion over HTTP: grading and webhooks. */
final class CompanionClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  CompanionClient(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /** Grades {@code ticketId} (accuracy failed) and submits; returns the evaluation id. */
  String grade(String ticketId) {
    var draft = send("/api/v1/evaluations", Map.of("ticketId", ticketId), Map.of());
    if (draft.statusCode() != 201) throw new AssertionError("create: " + draft.body());
    String id = json(draft).get("id").asText();
    var submitted =
        send(
            "/api/v1/evaluations/" + id + "/submit",
            Map.of("answers", TicketFixture.answersWithAccuracyFailed()),
            Map.of());
    if (submitted.statusCode() != 200) throw new AssertionError("submit: " + submitted.body());
    return id;
  }

  /** Submits a second revision of a submitted evaluation. */
  void revise(String evaluationId) {
    var revised =
        send(
            "/api/v1/evaluations/" + evaluationId + "/revise",
            Map.of("overallComment", "Second look: the macro was the documented one."),
            Map.of());
    if (revised.statusCode() != 200) throw new AssertionError("revise: " + revised.body());
  }

  /**
   * A Zendesk webhook signed like Zendesk (base64 HMAC of timestamp + body); returns the status.
   */
  int zendeskWebhook(String connectionId, String secret, long ticketId, Instant sentAt) {
    String body =
        "{\"type\":\"zen:event-type:ticket.status_changed\",\"ticket_id\":" + ticketId + "}";
    String timestamp = sentAt.toString();
    String signature =
        Base64.getEncoder().encodeToString(hmac(secret, (timestamp + body).getBytes(UTF8)));
    return send(
            "/api/v1/webhooks/" + connectionId,
            body,
            Map.of(
                "X-Zendesk-Webhook-Signature", signature,
                "X-Zendesk-Webhook-Signature-Timestamp", timestamp))
        .statusCode();
  }

  /**
   * A Jira webhook signed like Jira ({@code X-Hub-Signature: sha256=<hex>}); returns the status.
   */
  int jiraWebhook(String connectionId, String secret, String issueKey, Instant sentAt) {
    String body =
        "{\"timestamp\":"
            + sentAt.toEpochMilli()
            + ",\"webhookEvent\":\"jira:issue_updated\",\"issue\":{\"key\":\""
            + issueKey
            + "\"}}";
    String signature = "sha256=" + HexFormat.of().formatHex(hmac(secret, body.getBytes(UTF8)));
    return send("/api/v1/webhooks/" + connectionId, body, Map.of("X-Hub-Signature", signature))
        .statusCode();
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static byte[] hmac(String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(UTF8), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(String path, Object body, Map<String, String> headers) {
    try {
      String text = body instanceof String s ? s : Json.MAPPER.writeValueAsString(body);
      var request =
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(text));
      if (!path.startsWith("/api/v1/webhooks/")) request.header("Authorization", "Bearer " + token);
      headers.forEach(request::header);
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> r) {
    try {
      return Json.MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + r.body(), e);
    }
  }
}
