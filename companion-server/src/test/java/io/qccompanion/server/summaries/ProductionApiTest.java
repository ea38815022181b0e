package io.qccompanion.server.summaries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Production against a 40-tickets-per-8-hour-day target (set by the admin; there is no default),
 * reduced pro rata by exceptions. A1 solves t1 (Mon 19th), t2 (Tue), t3 (Wed) and shares t4 (Thu)
 * through ticket_agents.
 */
class ProductionApiTest {
  static TestApp app;
  static Api managerT1;
  static Api managerT2;
  static Api agentA1;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    app.c()
        .db()
        .run(
            h -> {
              Fixture.standard(h, app.c().summaries().aggregates());
              new Fixture(h).ticketAgent("t4", "A2").ticketAgent("t4", "A1");
            });
    var set =
        app.as(Role.ADMIN)
            .put(
                "/api/v1/targets/default",
                Map.of("productionPerDay", 40, "effectiveFrom", "2026-10-01"));
    assertThat(set.status()).as(set.text()).isEqualTo(200);
    managerT1 = app.as(Role.MANAGER, null, List.of("T1"));
    managerT2 = app.as(Role.MANAGER, null, List.of("T2"));
    agentA1 = app.as(Role.AGENT, "A1", List.of());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonNode a1Row(JsonNode report, String day) {
    for (JsonNode r : report.get("items"))
      if (r.get("agentId").asText().equals("A1") && r.get("bucketStart").asText().equals(day))
        return r;
    throw new AssertionError("no A1 row for " + day + " in " + report);
  }

  @Test
  void exceptionsReduceTheTargetProRata() {
    var downtime =
        managerT1.post(
            "/api/v1/production/exceptions",
            Map.of(
                "agentId",
                "A1",
                "date",
                "2026-10-19",
                "kind",
                "DOWNTIME",
                "hours",
                2,
                "note",
                "VPN"));
    assertThat(downtime.status()).as(downtime.text()).isEqualTo(201);
    managerT1.post(
        "/api/v1/production/exceptions",
        Map.of("agentId", "A1", "date", "2026-10-20", "kind", "LEAVE", "hours", 4));
    managerT1.post(
        "/api/v1/production/exceptions",
        Map.of("agentId", "A1", "date", "2026-10-20", "kind", "SYSTEM_OUTAGE", "hours", 1));

    var days = managerT1.get("/api/v1/production?from=2026-10-19&to=2026-10-25&agentId=A1").json();
    JsonNode monday = a1Row(days, "2026-10-19");
    assertThat(monday.get("ticketsClosed").asLong()).isEqualTo(1);
    assertThat(monday.get("exceptionHours").asDouble()).isEqualTo(2.0);
    // 40 * (8 - 2) / 8
    assertThat(monday.get("targetTickets").asDouble()).isEqualTo(30.0);
    // 40 * (8 - 5) / 8
    assertThat(a1Row(days, "2026-10-20").get("targetTickets").asDouble()).isEqualTo(15.0);
    assertThat(a1Row(days, "2026-10-22").get("ticketsClosed").asLong()).isEqualTo(1);
    assertThat(a1Row(days, "2026-10-24").get("targetTickets").asDouble()).isEqualTo(0.0);

    var week = managerT1.get("/api/v1/production?from=2026-10-19&to=2026-10-25&bucket=week").json();
    JsonNode a1 = a1Row(week, "2026-10-19");
    // 30 + 15 + 40 + 40 + 40; weekend days have no target
    assertThat(a1.get("targetTickets").asDouble()).isEqualTo(165.0);
    assertThat(a1.get("ticketsClosed").asLong()).isEqualTo(4);
    assertThat(a1.get("attainmentPercent").asDouble()).isEqualTo(2.42);
    assertThat(a1.get("onTarget").asBoolean()).isFalse();
    assertThat(week.get("items")).hasSize(2);

    String id = downtime.json().get("id").asText();
    assertThat(managerT2.delete("/api/v1/production/exceptions/" + id).status()).isEqualTo(403);
    assertThat(managerT1.delete("/api/v1/production/exceptions/" + id).status()).isEqualTo(204);
    var after = managerT1.get("/api/v1/production?from=2026-10-19&to=2026-10-19&agentId=A1").json();
    assertThat(a1Row(after, "2026-10-19").get("targetTickets").asDouble()).isEqualTo(40.0);
  }

  @Test
  void anExceptionCorrectedInPlaceRecomputesTheTargetAndIsAudited() {
    var created =
        managerT1.post(
            "/api/v1/production/exceptions",
            Map.of("agentId", "A1", "date", "2026-10-26", "kind", "TRAINING", "hours", 2));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    String path = "/api/v1/production/exceptions/" + id;
    String day = "/api/v1/production?from=2026-10-26&to=2026-10-27&agentId=A1";
    assertThat(a1Row(managerT1.get(day).json(), "2026-10-26").get("targetTickets").asDouble())
        .isEqualTo(30.0);

    var changed =
        managerT1.patch(path, Map.of("hours", 6, "note", "Product course", "kind", "LEAVE"));
    assertThat(changed.status()).as(changed.text()).isEqualTo(200);
    assertThat(changed.json().get("note").asText()).isEqualTo("Product course");
    // 40 * (8 - 6) / 8
    assertThat(a1Row(managerT1.get(day).json(), "2026-10-26").get("targetTickets").asDouble())
        .isEqualTo(10.0);

    var moved = managerT1.patch(path, Map.of("date", "2026-10-27"));
    assertThat(moved.status()).as(moved.text()).isEqualTo(200);
    JsonNode both = managerT1.get(day).json();
    assertThat(a1Row(both, "2026-10-26").get("targetTickets").asDouble()).isEqualTo(40.0);
    assertThat(a1Row(both, "2026-10-27").get("targetTickets").asDouble()).isEqualTo(10.0);
    assertThat(a1Row(both, "2026-10-27").get("exceptionHours").asDouble()).isEqualTo(6.0);

    var audit =
        app.as(Role.ADMIN)
            .get("/api/v1/audit?entityType=production_exception&entityId=" + id)
            .json()
            .get("items");
    assertThat(audit).hasSize(3);
    assertThat(audit.get(1).get("action").asText()).isEqualTo("production.exception.update");
    assertThat(audit.get(1).at("/before/hours").asDouble()).isEqualTo(2.0);
    assertThat(audit.get(1).at("/after/hours").asDouble()).isEqualTo(6.0);
  }

  @Test
  void aCorrectionIsValidatedFieldByFieldAndScopedToTheManagersTeams() {
    var created =
        managerT1.post(
            "/api/v1/production/exceptions",
            Map.of("agentId", "A1", "date", "2026-10-28", "kind", "DOWNTIME", "hours", 20));
    String path = "/api/v1/production/exceptions/" + created.json().get("id").asText();
    managerT1.post(
        "/api/v1/production/exceptions",
        Map.of("agentId", "A1", "date", "2026-10-29", "kind", "DOWNTIME", "hours", 8));
    for (var bad :
        List.of(
            Map.of("body", Map.of("hours", 25), "field", "/hours", "status", 400),
            Map.of("body", Map.of("hours", "two"), "field", "/hours", "status", 400),
            Map.of("body", Map.of("date", "28/10/2026"), "field", "/date", "status", 400),
            Map.of("body", Map.of("kind", "NAP"), "field", "/kind", "status", 400),
            Map.of("body", Map.of("note", "x".repeat(2001)), "field", "/note", "status", 400),
            Map.of("body", Map.of(), "field", "/hours", "status", 400),
            // 20 h moved onto a day that already has 8
            Map.of("body", Map.of("date", "2026-10-29"), "field", "/hours", "status", 422))) {
      var answer = managerT1.patch(path, bad.get("body"));
      assertThat(answer.status()).as(answer.text()).isEqualTo(bad.get("status"));
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.json().get("field").asText()).isEqualTo(bad.get("field"));
    }
    assertThat(managerT2.patch(path, Map.of("hours", 1)).status()).isEqualTo(403);
    assertThat(agentA1.patch(path, Map.of("hours", 1)).status()).isEqualTo(403);
    assertThat(managerT1.patch("/api/v1/production/exceptions/nope", Map.of("hours", 1)).status())
        .isEqualTo(404);
  }

  @Test
  void beforeTheTargetTakesEffectOnlyCountsAreShown() {
    var days = managerT1.get("/api/v1/production?from=2026-09-28&to=2026-10-02&agentId=A1").json();
    for (JsonNode r : days.get("items")) {
      assertThat(r.get("targetSet").asBoolean())
          .as(r.toString())
          .isEqualTo(!r.get("bucketStart").asText().startsWith("2026-09"));
      if (!r.get("targetSet").asBoolean()) {
        assertThat(r.path("targetTickets").isMissingNode()).isTrue();
        assertThat(r.path("attainmentPercent").isMissingNode()).isTrue();
      }
    }
    // Thursday 1st and Friday 2nd October have the 40-ticket target
    assertThat(days.at("/total/targetTickets").asDouble()).isEqualTo(80.0);
    var history = managerT1.get("/api/v1/targets/default/history").json().get("items");
    assertThat(history.get(0).get("effectiveFrom").asText()).isEqualTo("2026-10-01");
    assertThat(history.get(0).at("/targets/productionPerDay").asDouble()).isEqualTo(40.0);
  }

  @Test
  void exceptionsAreValidatedAndScopedToTheManagersTeams() {
    var other =
        managerT2.post(
            "/api/v1/production/exceptions",
            Map.of("agentId", "A1", "date", "2026-10-21", "kind", "TRAINING", "hours", 1));
    assertThat(other.status()).isEqualTo(403);
    var hours =
        managerT1.post(
            "/api/v1/production/exceptions",
            Map.of("agentId", "A1", "date", "2026-10-21", "kind", "TRAINING", "hours", 25));
    assertThat(hours.json().get("field").asText()).isEqualTo("/hours");
    var kind =
        managerT1.post(
            "/api/v1/production/exceptions",
            Map.of("agentId", "A1", "date", "2026-10-21", "kind", "NAP", "hours", 1));
    assertThat(kind.json().get("field").asText()).isEqualTo("/kind");
    var date =
        managerT1.post(
            "/api/v1/production/exceptions",
            Map.of("agentId", "A1", "date", "21/10/2026", "kind", "LEAVE", "hours", 1));
    assertThat(date.json().get("field").asText()).isEqualTo("/date");
    assertThat(
            agentA1
                .post(
                    "/api/v1/production/exceptions",
                    Map.of("agentId", "A1", "date", "2026-10-21", "kind", "LEAVE", "hours", 1))
                .status())
        .isEqualTo(403);
    var list = managerT2.get("/api/v1/production/exceptions?from=2026-10-01&to=2026-10-31").json();
    list.get("items").forEach(e -> assertThat(e.get("teamId").asText()).isEqualTo("T2"));
  }

  @Test
  void agentSeesOnlyTheirOwnProduction() {
    var own = agentA1.get("/api/v1/production?from=2026-10-19&to=2026-10-19").json();
    assertThat(own.get("items")).hasSize(1);
    assertThat(own.get("items").get(0).get("agentId").asText()).isEqualTo("A1");
    assertThat(agentA1.get("/api/v1/production?from=2026-10-19&to=2026-10-19&agentId=A3").status())
        .isEqualTo(403);
  }

  @Test
  void productionExportsAsCsv() {
    var csv = managerT1.get("/api/v1/production?from=2026-10-19&to=2026-10-19&format=csv");
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.text().lines().toList())
        .first()
        .isEqualTo(
            "agentId,agentName,teamId,bucketStart,ticketsClosed,exceptionHours,targetTickets,"
                + "attainmentPercent,onTarget");
    assertThat(csv.text().lines().count()).isEqualTo(3);
  }
}
