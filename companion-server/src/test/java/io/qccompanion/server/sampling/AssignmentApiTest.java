package io.qccompanion.server.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssignmentApiTest {
  TestApp app;
  SamplingFixture fx;
  Api admin;
  Instant now;

  @BeforeEach
  void start() {
    app = TestApp.start();
    fx = new SamplingFixture(app);
    admin = app.as(Role.ADMIN);
    now = app.clock().instant();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  String everythingSampled() {
    String team = fx.team();
    var policy =
        Map.of(
            "rates", Map.of("newAgent", 1, "standard", 1, "proven", 1, "atRisk", 1),
            "triggers", Map.of("badCsat", false, "reopened", false, "handleTimeSeconds", 0),
            "quota", Map.of("minPerWeek", 0, "maxPerWeek", 1000));
    assertThat(admin.put("/api/v1/sampling/policies/" + team, policy).status()).isEqualTo(200);
    return team;
  }

  /** A QC user with a capacity; returns their id. */
  String qc(Role role, String agentId, List<String> teams, int capacity) {
    Api api = app.as(role, agentId, teams);
    String id = api.get("/api/v1/me").json().get("id").asText();
    fx.capacity(id, capacity);
    return id;
  }

  int assignedTo(String qcId) {
    return admin.get("/api/v1/samples?limit=500&qcId=" + qcId).json().get("items").size();
  }

  JsonNode run(Instant from) {
    var answer =
        admin.post(
            "/api/v1/sampling/run",
            Map.of("from", from.toString(), "to", from.plus(Duration.ofDays(1)).toString()));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void balancesByCapacityNeverAssignsOwnTicketsRespectsScopeAndReportsTheRest() {
    String teamA = everythingSampled();
    String teamB = everythingSampled();
    String agentX = fx.agent(teamA, now);
    String agentZ = fx.agent(teamB, now);
    String small = qc(Role.QC, null, List.of(), 10);
    String large = qc(Role.QC_LEAD, null, List.of(), 20);
    String onlyB = qc(Role.QC, null, List.of(teamB), 100);
    String himself = qc(Role.QC, agentX, List.of(teamA), 100);
    String inactive = qc(Role.QC, null, List.of(), 100);
    app.c().db().run(h -> h.execute("UPDATE users SET active = 0 WHERE id = ?", inactive));

    Instant day = now.minus(Duration.ofDays(3));
    fx.tickets(33, day, teamA, agentX, "email");
    fx.tickets(4, day, teamB, agentZ, "email");
    JsonNode report = run(day);

    assertThat(report.get("selected").asInt()).isEqualTo(37);
    assertThat(assignedTo(onlyB)).isEqualTo(4);
    assertThat(assignedTo(small)).isEqualTo(10);
    assertThat(assignedTo(large)).isEqualTo(20);
    assertThat(assignedTo(himself)).isZero();
    assertThat(assignedTo(inactive)).isZero();
    JsonNode unassigned = report.at("/assignment/unassigned");
    assertThat(unassigned).hasSize(3);
    assertThat(unassigned.get(0).get("reason").asText()).isEqualTo("all eligible QCs at capacity");
    assertThat(unassigned.get(0).get("agentId").asText()).isEqualTo(agentX);
    var due =
        admin.get("/api/v1/samples?limit=1&qcId=" + small).json().at("/items/0/dueAt").asText();
    assertThat(due).as("3 business days after Monday 09:00").isEqualTo("2026-11-05T09:00:00Z");

    String late = qc(Role.QC, null, List.of(teamA), 5);
    var again =
        admin.post("/api/v1/sampling/run", Map.of("from", day.toString(), "to", now.toString()));
    assertThat(again.json().at("/assignment/assigned").asInt())
        .as("open items wait for capacity")
        .isEqualTo(3);
    assertThat(assignedTo(late)).isEqualTo(3);
  }

  @Test
  void multiAgentTicketsAreSampledPerAgentAndNeverGoToAnyAgentOnTheTicket() {
    String team = everythingSampled();
    String agentY = fx.agent(team, now);
    String agentW = fx.agent(team, now);
    String qcY = qc(Role.QC, agentY, List.of(), 100);
    Instant day = now.minus(Duration.ofDays(2));
    String ticket = fx.ticket(SamplingFixture.T.plain(), day, team, agentY, agentW);
    JsonNode report = run(day);
    assertThat(report.get("considered").asInt()).isEqualTo(2);
    var samples = admin.get("/api/v1/samples").json().get("items");
    assertThat(samples).hasSize(2).allMatch(s -> s.get("ticketId").asText().equals(ticket));
    assertThat(assignedTo(qcY)).isZero();
    assertThat(report.at("/assignment/unassigned/0/reason").asText())
        .isEqualTo("only QCs who worked the ticket");

    String other = qc(Role.QC, null, List.of(), 100);
    assertThat(run(day).at("/assignment/assigned").asInt()).isEqualTo(2);
    assertThat(assignedTo(other)).isEqualTo(2);
  }
}
