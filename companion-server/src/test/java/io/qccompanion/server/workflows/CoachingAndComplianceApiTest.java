package io.qccompanion.server.workflows;

import static io.qccompanion.server.workflows.WorkflowFixture.answers;
import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CoachingAndComplianceApiTest {
  static TestApp app;
  static WorkflowFixture f;
  static Api qc;
  static Api lead;
  static Api manager;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    f = new WorkflowFixture(app);
    qc = app.as(Role.QC);
    lead = app.as(Role.QC_LEAD);
    manager = app.as(Role.MANAGER);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private Map<String, Object> plan(String agent, double target) {
    return Map.of(
        "agentId",
        agent,
        "goal",
        "Greet every customer",
        "measure",
        "CRITERION_PASS_RATE",
        "criterionId",
        "greeting",
        "target",
        target,
        "overEvaluations",
        2,
        "dueAt",
        app.clock().instant().plus(Duration.ofDays(7)).toString());
  }

  @Test
  void followUpReviewJudgesThePlanFromRegularEvaluationsMadeAfterItStarted() {
    String agent = f.agent("Plan");
    var met = lead.post("/api/v1/action-plans", plan(agent, 90));
    assertThat(met.status()).as(met.text()).isEqualTo(201);
    String metId = met.json().get("id").asText();
    String notMetId = lead.post("/api/v1/action-plans", plan(agent, 100)).json().get("id").asText();
    f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 1));
    f.evaluate(qc, f.ticket(agent), "REGULAR", answers(0, 5, 1));
    f.evaluate(qc, f.ticket(agent), "CALIBRATION", answers(0, 5, 1));
    assertThat(lead.post("/api/v1/action-plans/reviews/run", Map.of()).json().get("items"))
        .as("nothing is due yet")
        .isEmpty();
    app.clock().advance(Duration.ofDays(8));
    var reviewed = lead.post("/api/v1/action-plans/reviews/run", Map.of()).json().get("items");
    assertThat(reviewed).hasSize(2);
    var first = lead.get("/api/v1/action-plans/" + metId).json();
    assertThat(first.get("evaluated").asInt()).as("calibration grades do not count").isEqualTo(2);
    assertThat(first.get("achieved").asDouble()).isEqualTo(50.0);
    assertThat(first.get("status").asText()).isEqualTo("NOT_MET");
    assertThat(lead.get("/api/v1/action-plans/" + notMetId).json().get("status").asText())
        .isEqualTo("NOT_MET");
    Api agentApi = app.as(Role.AGENT, agent, List.of(f.teamId));
    assertThat(agentApi.get("/api/v1/action-plans").json().get("items")).hasSize(2);
    assertThat(agentApi.post("/api/v1/action-plans", plan(agent, 50)).status()).isEqualTo(403);
  }

  @Test
  void aPlanIsMetWhenTheMeasureReachesTheTarget() {
    String agent = f.agent("Good");
    String id = lead.post("/api/v1/action-plans", plan(agent, 90)).json().get("id").asText();
    f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 1));
    f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 4, 1));
    var r = lead.post("/api/v1/action-plans/" + id + "/review", Map.of()).json();
    assertThat(r.get("status").asText()).isEqualTo("MET");
    assertThat(r.get("verdict").asText()).startsWith("effective");
    var bad =
        lead.post(
            "/api/v1/action-plans",
            Map.of(
                "agentId",
                agent,
                "goal",
                "x",
                "measure",
                "NOPE",
                "target",
                90,
                "dueAt",
                "2030-01-01T00:00:00Z"));
    assertThat(bad.json().get("field").asText()).isEqualTo("/measure");
  }

  @Test
  void anEarlyReviewIsRefusedAndTheVerdictExplainsItselfWithTheNumbers() {
    String agent = f.agent("Explain");
    f.evaluate(qc, f.ticket(agent), "REGULAR", answers(0, 5, 1));
    f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 1));
    app.clock().advance(Duration.ofMinutes(1));
    String id = lead.post("/api/v1/action-plans", plan(agent, 90)).json().get("id").asText();
    app.clock().advance(Duration.ofMinutes(1));
    f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 1));
    var early = lead.post("/api/v1/action-plans/" + id + "/review", Map.of());
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.json().get("detail").asText())
        .contains("too early to review: 1 of 2 evaluations since the plan started");
    assertThat(lead.get("/api/v1/action-plans/" + id).json().get("status").asText())
        .as("the refused review leaves the plan open")
        .isEqualTo("OPEN");
    f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 1));
    var r = lead.post("/api/v1/action-plans/" + id + "/review", Map.of()).json();
    assertThat(r.get("status").asText()).isEqualTo("MET");
    assertThat(r.get("verdict").asText())
        .isEqualTo(
            "effective: criterion Greeting pass rate 50 % → 100 % over 2 evaluations since the"
                + " plan started (target 90 %)");
  }

  @Test
  void growSessionIsAcknowledgedOnlyByTheCoachedAgent() {
    String agent = f.agent("Grow");
    String e = f.evaluate(qc, f.ticket(agent), "REGULAR", answers(0, 3, 1));
    var s =
        lead.post(
            "/api/v1/coaching/sessions",
            Map.of(
                "agentId", agent,
                "evaluationIds", List.of(e),
                "goal", "Open with a greeting",
                "reality", "Missed in 3 of 5",
                "options", "Macro, checklist",
                "wayForward", "Use the greeting macro"));
    assertThat(s.status()).as(s.text()).isEqualTo(201);
    String id = s.json().get("id").asText();
    Api other = app.as(Role.AGENT, f.agent("Other"), List.of(f.teamId));
    assertThat(other.post("/api/v1/coaching/sessions/" + id + "/acknowledge", Map.of()).status())
        .isEqualTo(403);
    Api own = app.as(Role.AGENT, agent, List.of(f.teamId));
    var ack = own.post("/api/v1/coaching/sessions/" + id + "/acknowledge", Map.of());
    assertThat(ack.json().get("acknowledgedAt").isNull()).isFalse();
  }

  @Test
  void selfReviewComesBeforeTheQcGradeAndReportsTheGap() {
    String agent = f.agent("Self");
    Api own = app.as(Role.AGENT, agent, List.of(f.teamId));
    String ticket = f.ticket(agent);
    var self =
        own.post(
            "/api/v1/self-reviews",
            Map.of(
                "ticketId",
                ticket,
                "scorecardVersionId",
                f.versionId,
                "answers",
                answers(1, 5, 1)));
    assertThat(self.status()).as(self.text()).isEqualTo(201);
    assertThat(self.json().has("qcScore")).isFalse();
    f.evaluate(qc, ticket, "REGULAR", answers(0, 5, 1));
    var gap = own.get("/api/v1/self-reviews/" + self.json().get("id").asText()).json();
    assertThat(gap.get("gap").asDouble()).isGreaterThan(0);
    assertThat(gap.get("criteria").get("greeting").get("qc").asDouble()).isEqualTo(0.0);
    String graded = f.ticket(agent);
    f.evaluate(qc, graded, "REGULAR", answers(1, 5, 1));
    var late =
        own.post(
            "/api/v1/self-reviews",
            Map.of(
                "ticketId",
                graded,
                "scorecardVersionId",
                f.versionId,
                "answers",
                answers(1, 5, 1)));
    assertThat(late.status()).isEqualTo(409);
  }

  @Test
  void trainingFromAGapIsCompletedAndJudgedOnLaterResults() {
    String agent = f.agent("Train");
    f.evaluate(qc, f.ticket(agent), "REGULAR", answers(0, 5, 1));
    var t =
        lead.post(
            "/api/v1/training",
            Map.of("agentId", agent, "topic", "Greeting module", "criterionId", "greeting"));
    assertThat(t.status()).as(t.text()).isEqualTo(201);
    assertThat(t.json().get("baseline").asDouble()).isEqualTo(0.0);
    String id = t.json().get("id").asText();
    assertThat(lead.post("/api/v1/training/" + id + "/review", Map.of()).status()).isEqualTo(409);
    Api own = app.as(Role.AGENT, agent, List.of(f.teamId));
    assertThat(own.post("/api/v1/training/" + id + "/complete", Map.of()).status()).isEqualTo(200);
    app.clock().advance(Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 1));
    var reviewed = lead.post("/api/v1/training/" + id + "/review", Map.of()).json();
    assertThat(reviewed.get("verdict").asText()).isEqualTo("IMPROVED");
    assertThat(reviewed.get("afterRate").asDouble()).isEqualTo(100.0);
  }

  @Test
  void coachesPickCriteriaByNameWithTheAgentsRecentPassRateAndSessionsNameCoachAndTickets() {
    String agent = f.agent("Cora Criteria");
    // greeting passes 2 of 3, privacy passes all 3
    String first = f.evaluate(qc, f.ticket(agent), "REGULAR", answers(0, 3, 1));
    f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 1));
    f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 4, 1));
    var answer = lead.get("/api/v1/coaching/criteria?agentId=" + agent);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.json().get("scorecard").asText()).isEqualTo("Support");
    java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> byId = new java.util.HashMap<>();
    answer.json().get("items").forEach(c -> byId.put(c.get("criterionId").asText(), c));
    assertThat(byId.get("greeting").get("name").asText()).isEqualTo("Greeting");
    assertThat(byId.get("greeting").get("answered").asLong()).isEqualTo(3);
    assertThat(byId.get("greeting").get("failed").asLong()).isEqualTo(1);
    assertThat(byId.get("greeting").get("passRatePercent").asDouble()).isEqualTo(66.67);
    assertThat(byId.get("privacy").get("passRatePercent").asDouble()).isEqualTo(100.0);
    assertThat(lead.get("/api/v1/coaching/criteria").json().get("field").asText())
        .isEqualTo("agentId");
    assertThat(lead.get("/api/v1/coaching/criteria?agentId=nobody").status()).isEqualTo(400);
    assertThat(qc.get("/api/v1/coaching/criteria?agentId=" + agent).status()).isEqualTo(403);

    var held =
        lead.post(
            "/api/v1/coaching/sessions",
            Map.of(
                "agentId",
                agent,
                "evaluationIds",
                List.of(first),
                "goal",
                "Greet every customer",
                "wayForward",
                "Use the greeting macro"));
    assertThat(held.status()).as(held.text()).isEqualTo(201);
    var listed = lead.get("/api/v1/coaching/sessions?agentId=" + agent).json().get("items").get(0);
    assertThat(listed.get("coachName").asText())
        .isEqualTo(lead.get("/api/v1/me").json().get("name").asText());
    String ticket =
        app.c()
            .db()
            .read(
                h ->
                    h.createQuery(
                            "SELECT t.external_id FROM evaluations e JOIN tickets t"
                                + " ON t.id = e.ticket_id WHERE e.id = ?")
                        .bind(0, first)
                        .mapTo(String.class)
                        .one());
    assertThat(listed.get("evaluationTickets").toString()).isEqualTo("[\"" + ticket + "\"]");
  }

  @Test
  void criticalFailRaisesAnEscalationManagersWorkAndExport() {
    String agent = f.agent("Risky");
    String e = f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 0));
    var raised = lead.post("/api/v1/compliance/escalations", Map.of("evaluationId", e));
    assertThat(raised.status()).as(raised.text()).isEqualTo(201);
    assertThat(raised.json().get("severity").asText()).isEqualTo("CRITICAL");
    String id = raised.json().get("id").asText();
    assertThat(
            lead.post("/api/v1/compliance/escalations", Map.of("evaluationId", e))
                .json()
                .get("id")
                .asText())
        .as("idempotent")
        .isEqualTo(id);
    String clean = f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 1));
    assertThat(lead.post("/api/v1/compliance/escalations", Map.of("evaluationId", clean)).status())
        .isEqualTo(422);
    var open = manager.get("/api/v1/compliance/escalations?status=OPEN").json().get("items");
    assertThat(open).extracting(n -> n.get("id").asText()).contains(id);
    var noNotes =
        manager.patch("/api/v1/compliance/escalations/" + id, Map.of("status", "RESOLVED"));
    assertThat(noNotes.json().get("field").asText()).isEqualTo("/resolutionNotes");
    var resolved =
        manager.patch(
            "/api/v1/compliance/escalations/" + id,
            Map.of("status", "RESOLVED", "resolutionNotes", "Agent retrained on data handling"));
    assertThat(resolved.json().get("status").asText()).isEqualTo("RESOLVED");
    var csv = manager.get("/api/v1/compliance/escalations/export");
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.text())
        .startsWith("escalation,severity,status")
        .contains(",Risky,")
        .contains("Agent retrained on data handling");
    assertThat(qc.get("/api/v1/compliance/escalations").status()).isEqualTo(403);
  }

  @Test
  void sweepRaisesEscalationsThatTheSubmitPathMissed() {
    String e = f.evaluate(qc, f.ticket(f.agent("Swept")), "REGULAR", answers(1, 5, 0));
    // submit raised it; lose it as a crash between two systems would, then let the sweep repair it
    app.c()
        .db()
        .run(
            h ->
                h.createUpdate("DELETE FROM compliance_escalations WHERE evaluation_id = ?")
                    .bind(0, e)
                    .execute());
    assertThat(
            lead.post("/api/v1/compliance/escalations/sweep", Map.of())
                .json()
                .get("raised")
                .asInt())
        .isGreaterThanOrEqualTo(1);
    var items = manager.get("/api/v1/compliance/escalations").json().get("items");
    assertThat(items).extracting(n -> n.get("evaluationId").asText()).contains(e);
  }
}
