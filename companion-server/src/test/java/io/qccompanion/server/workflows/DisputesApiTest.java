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

class DisputesApiTest {
  static TestApp app;
  static WorkflowFixture f;
  static String agentA;
  static Api agentApiA;
  static Api agentApiB;
  static Api qc;
  static Api lead1;
  static Api lead2;
  static Api admin;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    f = new WorkflowFixture(app);
    agentA = f.agent("Ann");
    String agentB = f.agent("Bob");
    agentApiA = app.as(Role.AGENT, agentA, List.of(f.teamId));
    agentApiB = app.as(Role.AGENT, agentB, List.of(f.teamId));
    qc = app.as(Role.QC);
    lead1 = app.as(Role.QC_LEAD);
    lead2 = app.as(Role.QC_LEAD);
    admin = app.as(Role.ADMIN);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private String evaluation(Api grader, double greeting) {
    return f.evaluate(grader, f.ticket(agentA), "REGULAR", answers(greeting, 4, 1));
  }

  private String dispute(String evaluationId) {
    var d =
        agentApiA.post(
            "/api/v1/disputes", Map.of("evaluationId", evaluationId, "reason", "I did greet"));
    assertThat(d.status()).as(d.text()).isEqualTo(201);
    return d.json().get("id").asText();
  }

  @Test
  void agentAcknowledgesAndRespondsAndBothAreListedOnTheEvaluation() {
    String e = evaluation(qc, 1);
    assertThat(
            agentApiA.post("/api/v1/feedback/acknowledgements", Map.of("evaluationId", e)).status())
        .isEqualTo(201);
    var response =
        agentApiA.post(
            "/api/v1/feedback/responses", Map.of("evaluationId", e, "text", "Thanks, noted"));
    assertThat(response.status()).isEqualTo(201);
    var list = lead1.get("/api/v1/feedback?evaluationId=" + e).json().get("items");
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("kind").asText()).isEqualTo("ACKNOWLEDGE");
    assertThat(list.get(1).get("text").asText()).isEqualTo("Thanks, noted");
  }

  @Test
  void agentCannotDisputeSomeoneElsesEvaluation() {
    String e = evaluation(qc, 0);
    var d = agentApiB.post("/api/v1/disputes", Map.of("evaluationId", e, "reason", "unfair"));
    assertThat(d.status()).isEqualTo(403);
    assertThat(
            agentApiB.post("/api/v1/feedback/acknowledgements", Map.of("evaluationId", e)).status())
        .isEqualTo(403);
  }

  @Test
  void disputeAfterTheWindowIsRejectedNamingTheField() {
    String e = evaluation(qc, 0);
    app.clock().advance(Duration.ofDays(8));
    var d = agentApiA.post("/api/v1/disputes", Map.of("evaluationId", e, "reason", "late"));
    assertThat(d.status()).isEqualTo(422);
    assertThat(d.json().get("field").asText()).isEqualTo("/evaluationId");
  }

  @Test
  void leadWhoIsNotTheOriginalQcAmendsAndTheScoreIsRecomputedAsANewRevision() {
    String e = evaluation(lead1, 0);
    double before = lead1.get("/api/v1/evaluations/" + e).json().get("score").asDouble();
    String id = dispute(e);
    assertThat(lead1.get("/api/v1/evaluations/" + e).json().get("status").asText())
        .isEqualTo("DISPUTED");
    var resolution =
        Map.of(
            "outcome", "AMEND",
            "explanation", "The greeting is in the second message",
            "answers", Map.of("greeting", Map.of("value", 1)));
    assertThat(lead1.post("/api/v1/disputes/" + id + "/resolve", resolution).status())
        .as("the original QC")
        .isEqualTo(403);
    assertThat(agentApiA.post("/api/v1/disputes/" + id + "/resolve", resolution).status())
        .isEqualTo(403);
    var resolved = lead2.post("/api/v1/disputes/" + id + "/resolve", resolution);
    assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
    assertThat(resolved.json().get("status").asText()).isEqualTo("AMENDED");
    var amended = lead2.get("/api/v1/evaluations/" + e).json();
    assertThat(amended.get("revision").asInt()).isEqualTo(2);
    assertThat(amended.get("status").asText()).isEqualTo("AMENDED");
    assertThat(amended.get("score").asDouble()).isGreaterThan(before);
    assertThat(resolved.json().get("scoreAfter").asDouble())
        .isEqualTo(amended.get("score").asDouble());
    assertThat(lead2.get("/api/v1/evaluations/" + e + "/revisions").json().get("items")).hasSize(2);
    int outboxRows =
        app.c()
            .db()
            .read(
                h ->
                    h.createQuery("SELECT COUNT(*) FROM outbox WHERE evaluation_id = :e")
                        .bind("e", e)
                        .mapTo(Integer.class)
                        .one());
    assertThat(outboxRows).as("original and amended note both written back").isEqualTo(2);
    var audit = admin.get("/api/v1/audit?entityType=dispute&entityId=" + id).json().get("items");
    assertThat(audit).extracting(n -> n.get("action").asText()).contains("dispute.resolve");
  }

  @Test
  void upholdNeedsAnExplanationAndTheMaximumOfDisputesIsEnforced() {
    String e = evaluation(qc, 0);
    String id = dispute(e);
    var noText = lead1.post("/api/v1/disputes/" + id + "/resolve", Map.of("outcome", "UPHOLD"));
    assertThat(noText.status()).isEqualTo(400);
    assertThat(noText.json().get("field").asText()).isEqualTo("/explanation");
    var upheld =
        lead1.post(
            "/api/v1/disputes/" + id + "/resolve",
            Map.of("outcome", "UPHOLD", "explanation", "No greeting in the transcript"));
    assertThat(upheld.json().get("status").asText()).isEqualTo("UPHELD");
    var again = agentApiA.post("/api/v1/disputes", Map.of("evaluationId", e, "reason", "still"));
    assertThat(again.status()).isEqualTo(422);
  }

  @Test
  void onlyAdminsChangeTheRulesAndBadRulesNameTheField() {
    assertThat(lead1.put("/api/v1/disputes/rules", Map.of("windowDays", 10)).status())
        .isEqualTo(403);
    var bad = admin.put("/api/v1/disputes/rules", Map.of("windowDays", 0));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("/windowDays");
    var ok =
        admin.put(
            "/api/v1/disputes/rules",
            Map.of("windowDays", 7, "maxPerEvaluation", 1, "scope", "EITHER", "slaDays", 3));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(agentApiA.get("/api/v1/disputes/rules").json().get("slaDays").asInt()).isEqualTo(3);
  }

  @Test
  void perCriterionRulesRequireTheDisputedCriterion() {
    admin.put("/api/v1/disputes/rules", Map.of("scope", "CRITERION"));
    try {
      String e = evaluation(qc, 0);
      var overall = agentApiA.post("/api/v1/disputes", Map.of("evaluationId", e, "reason", "no"));
      assertThat(overall.status()).isEqualTo(400);
      assertThat(overall.json().get("field").asText()).isEqualTo("/criterionId");
      var unknown =
          agentApiA.post(
              "/api/v1/disputes", Map.of("evaluationId", e, "criterionId", "nope", "reason", "no"));
      assertThat(unknown.json().get("field").asText()).isEqualTo("/criterionId");
      var one =
          agentApiA.post(
              "/api/v1/disputes",
              Map.of("evaluationId", e, "criterionId", "greeting", "reason", "I greeted"));
      assertThat(one.status()).isEqualTo(201);
      assertThat(one.json().get("criterionId").asText()).isEqualTo("greeting");
    } finally {
      admin.put("/api/v1/disputes/rules", Map.of("scope", "EITHER"));
    }
  }

  @Test
  void openDisputesPastTheirSlaAreFlaggedOverdue() {
    String id = dispute(evaluation(qc, 0));
    app.clock().advance(Duration.ofDays(4));
    var overdue = lead1.get("/api/v1/disputes?overdue=true").json().get("items");
    assertThat(overdue).extracting(n -> n.get("id").asText()).contains(id);
    assertThat(overdue).allMatch(n -> n.get("overdue").asBoolean());
    var mine = agentApiB.get("/api/v1/disputes").json().get("items");
    assertThat(mine).isEmpty();
  }

  @Test
  void graderConsistencyCountsAmendmentsUpwardAgainstTheQc() {
    Api strictQc = app.as(Role.QC);
    String e = evaluation(strictQc, 0);
    String id = dispute(e);
    lead1.post(
        "/api/v1/disputes/" + id + "/resolve",
        Map.of(
            "outcome", "AMEND",
            "explanation", "greeting present",
            "answers", Map.of("greeting", Map.of("value", 1))));
    String strictId = WorkflowFixture.userId(strictQc);
    var report = lead1.get("/api/v1/reports/grader-consistency").json();
    var row =
        java.util.stream.StreamSupport.stream(report.get("qcs").spliterator(), false)
            .filter(n -> n.get("qcId").asText().equals(strictId))
            .findFirst()
            .orElseThrow();
    assertThat(row.get("amendedUp").asInt()).isEqualTo(1);
    assertThat(row.get("amendedUpShare").asDouble()).isEqualTo(1.0);
    assertThat(agentApiA.get("/api/v1/reports/grader-consistency").status()).isEqualTo(403);
  }
}
