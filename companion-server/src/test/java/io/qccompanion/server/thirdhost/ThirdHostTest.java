package io.qccompanion.server.thirdhost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qccompanion.model.Ticket;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.evaluations.TicketFixture;
import io.qccompanion.server.outbox.WriteBackWorker;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A host the server has never heard of is synced, graded and written back through the SPI. */
class ThirdHostTest {
  static TestApp app;
  static Api admin;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    admin = app.as(Role.ADMIN);
    Instant solved = app.clock().instant().minusSeconds(3600);
    MiniDeskConnector.DESK.put(
        "md-1",
        Ticket.builder()
            .host(MiniDeskConnector.HOST)
            .externalId("md-1")
            .key("MD-1")
            .subject("Printer on fire")
            .status("closed")
            .assigneeId("a-9")
            .assigneeAtSolveId("a-9")
            .createdAt(solved.minusSeconds(600))
            .updatedAt(solved)
            .solvedAt(solved)
            .build());
  }

  @AfterAll
  static void stop() {
    app.close();
    MiniDeskConnector.DESK.clear();
    MiniDeskConnector.NOTES.clear();
  }

  @Test
  void connectorsApiListsTheDiscoveredHostWithItsOptions() {
    JsonNode items = admin.get("/api/v1/connectors").json().get("items");
    JsonNode mini = null;
    for (JsonNode i : items) if (i.get("host").asText().equals("minidesk")) mini = i;
    assertThat(mini).as(items.toString()).isNotNull();
    assertThat(mini.get("displayName").asText()).isEqualTo("MiniDesk");
    assertThat(mini.get("panelLogin").asBoolean()).isFalse();
    assertThat(mini.get("options").get(0).get("name").asText()).isEqualTo("queue");
    assertThat(mini.get("options").get(0).get("required").asBoolean()).isTrue();
    assertThat(mini.get("options").get(1).get("secret").asBoolean()).isTrue();
    assertThat(items.findValuesAsText("host")).contains("zendesk", "jira");
  }

  @Test
  void syncsGradesAndWritesBackWithNoServerChange() {
    var created =
        admin.post(
            "/api/v1/connections",
            Map.of(
                "name", "mini",
                "host", "minidesk",
                "baseUrl", "https://desk.example.test",
                "authKind", "BEARER",
                "secret", "t0ken",
                "options", Map.of("queue", "support")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String connection = created.json().get("connection").get("id").asText();

    var synced = admin.post("/api/v1/connections/" + connection + "/sync", Map.of());
    assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
    assertThat(synced.json().get("result").get("tickets").asInt()).isEqualTo(1);

    String ticketId =
        app.c()
            .db()
            .read(
                h ->
                    h.createQuery(
                            "SELECT id FROM tickets WHERE connection_id = ? AND host = 'minidesk'")
                        .bind(0, connection)
                        .mapTo(String.class)
                        .one());
    new TicketFixture(app.c()).scorecard(null, true);
    Api qc = app.as(Role.QC);
    String evaluation =
        qc.post("/api/v1/evaluations", Map.of("ticketId", ticketId)).json().get("id").asText();
    var submitted =
        qc.post(
            "/api/v1/evaluations/" + evaluation + "/submit",
            Map.of("answers", TicketFixture.answersWithAccuracyFailed()));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);

    // The production worker, wired as CompanionApp wires it, through the registry's sinks.
    try (var worker =
        new WriteBackWorker(
            app.c().db(),
            app.clock(),
            app.c().connectors()::openSink,
            (id, detail) -> {},
            new SimpleMeterRegistry(),
            "https://qc.example.test")) {
      assertThat(worker.runOnce()).isEqualTo(1);
    }
    var notes = MiniDeskConnector.NOTES.get("md-1");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).idempotencyKey()).isEqualTo("qc-" + evaluation + "-r1");
    assertThat(notes.get(0).scorePercent()).isEqualTo(50.0);
    assertThat(
            qc.get("/api/v1/evaluations/" + evaluation)
                .json()
                .get("writeBack")
                .get("status")
                .asText())
        .isEqualTo("DONE");
    assertThat(List.of(admin.get("/api/v1/summaries?host=minidesk").status())).doesNotContain(500);
  }
}
