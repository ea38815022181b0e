package io.qccompanion.server.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.HostUser;
import io.qccompanion.model.Message;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.FakeConnector;
import io.qccompanion.server.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Conversations arrive with the tickets, are stored bounded per ticket and read by graders. */
class ConversationsApiTest {
  static final Instant T0 = Instant.parse("2026-10-01T10:00:00Z");
  TestApp app;
  FakeConnector fake;
  Api admin;
  String connectionId;

  static Message msg(String id, String role, boolean pub, int minute, String body, String html) {
    return Message.builder()
        .id(id)
        .authorId(role.equals("customer") ? "c1" : "a1")
        .authorRole(role)
        .publicMessage(pub)
        .createdAt(T0.plusSeconds(60L * minute))
        .body(body)
        .html(html)
        .attachmentNames(id.equals("m1") ? List.of("invoice.pdf") : List.of())
        .build();
  }

  @BeforeEach
  void start() {
    app = TestApp.start();
    fake = new FakeConnector(FakeConnector.ZENDESK);
    app.c().connectors().register(fake);
    admin = app.as(Role.ADMIN);
    var body = new HashMap<String, Object>();
    body.put("name", "acme");
    body.put("host", "zendesk");
    body.put("baseUrl", "https://acme.zendesk.com");
    body.put("authKind", "API_TOKEN");
    body.put("username", "svc-qc@acme.test");
    body.put("secret", "zd-secret-token-123");
    body.put("options", Map.of("conversation.maxMessages", "3", "conversation.maxChars", "40"));
    var created = admin.post("/api/v1/connections", body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    connectionId = created.json().at("/connection/id").asText();
    fake.users.add(
        HostUser.builder().id("a1").name("Ana").email("ana@acme.test").role("agent").build());
    fake.tickets.add(
        FakeConnector.ticket("1001", "a1", T0.plusSeconds(3600))
            .newBuilder()
            .conversation(
                List.of(
                    msg("m1", "customer", true, 1, "My refund is missing", "<p>My refund</p>"),
                    msg(
                        "m2",
                        "agent",
                        false,
                        2,
                        "Checked the ledger",
                        "<p onclick=\"x()\">ok</p><script>steal()</script>"),
                    msg("m3", "agent", true, 3, "x".repeat(100), null),
                    msg("m4", "customer", true, 4, "Thanks", null)))
            .build());
    fake.tickets.add(FakeConnector.ticket("1002", "a1", T0.plusSeconds(7200)));
    fake.tickets.add(FakeConnector.ticket("1003", "a1", T0.plusSeconds(9000)));
    // Read with page 1, before ticket 1003 (page 2) and a ticket that never closes (9999).
    fake.conversations.put("1003", List.of(msg("e1", "customer", true, 5, "Still broken", null)));
    fake.conversations.put("9999", List.of(msg("e2", "customer", true, 6, "Open ticket", null)));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private String ticketId(String externalId) {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery("SELECT id FROM tickets WHERE external_id = ?")
                    .bind(0, externalId)
                    .mapTo(String.class)
                    .one());
  }

  private long messagesOf(String externalId) {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery("SELECT count(*) FROM messages WHERE ticket_external_id = ?")
                    .bind(0, externalId)
                    .mapTo(Long.class)
                    .one());
  }

  @Test
  void storesEachConversationBoundedSanitisedAndOnce() {
    assertThat(admin.post("/api/v1/connections/" + connectionId + "/sync", Map.of()).status())
        .isEqualTo(200);
    Api qc = app.as(Role.QC);

    JsonNode transcript = qc.get("/api/v1/tickets/" + ticketId("1001") + "/messages").json();

    JsonNode items = transcript.get("items");
    assertThat(items).hasSize(3);
    assertThat(transcript.get("omitted").asInt()).isEqualTo(1);
    assertThat(items.get(0).get("authorKind").asText()).isEqualTo("CUSTOMER");
    assertThat(items.get(0).get("attachmentNames").get(0).asText()).isEqualTo("invoice.pdf");
    assertThat(items.get(1).get("publicMessage").asBoolean()).isFalse();
    assertThat(items.get(1).get("authorKind").asText()).isEqualTo("AGENT");
    assertThat(items.get(1).get("html").asText())
        .contains("<p>ok</p>")
        .doesNotContain("script", "onclick");
    assertThat(items.get(2).get("text").asText()).hasSize(40);
    assertThat(items.get(2).get("truncated").asBoolean()).isTrue();

    // A re-sync of the same data stores nothing twice.
    app.c().db().run(h -> h.execute("DELETE FROM sync_state"));
    admin.post("/api/v1/connections/" + connectionId + "/sync", Map.of());
    assertThat(messagesOf("1001")).isEqualTo(3);
  }

  @Test
  void messagesReadBeforeTheirTicketClosesWaitForItAndOrphansArePurged() {
    admin.post("/api/v1/connections/" + connectionId + "/sync", Map.of());
    Api qc = app.as(Role.QC);
    assertThat(qc.get("/api/v1/tickets/" + ticketId("1003") + "/messages").json().get("items"))
        .singleElement()
        .satisfies(m -> assertThat(m.get("text").asText()).isEqualTo("Still broken"));
    assertThat(messagesOf("9999")).isEqualTo(1);

    app.clock().advance(Duration.ofDays(31));
    fake.tickets.add(FakeConnector.ticket("1004", "a1", T0.plus(Duration.ofDays(31))));
    admin.post("/api/v1/connections/" + connectionId + "/sync", Map.of());

    assertThat(messagesOf("9999")).isZero();
    assertThat(messagesOf("1003")).isEqualTo(1);
  }

  @Test
  void agentsCannotReadConversationsAndUnknownTicketsAre404() {
    admin.post("/api/v1/connections/" + connectionId + "/sync", Map.of());
    assertThat(app.as(Role.AGENT).get("/api/v1/tickets/" + ticketId("1001") + "/messages").status())
        .isEqualTo(403);
    assertThat(app.as(Role.QC).get("/api/v1/tickets/nope/messages").status()).isEqualTo(404);
  }
}
