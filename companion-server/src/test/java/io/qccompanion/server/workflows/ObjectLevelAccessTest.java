package io.qccompanion.server.workflows;

import static io.qccompanion.server.workflows.WorkflowFixture.answers;
import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for the object-level and blind-grading leaks A1–A10 of issue 16 (A11, the Jira
 * panel, is in {@code JiraPanelApiTest}): each test names the defect it pins.
 */
class ObjectLevelAccessTest {
  static TestApp app;
  static WorkflowFixture teamA;
  static WorkflowFixture teamB;
  static String agentA;
  static String agentB;
  static Api qc1;
  static Api qc2;
  static Api managerOfB;
  static Api leadOfB;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    teamA = new WorkflowFixture(app);
    teamB = new WorkflowFixture(app);
    agentA = teamA.agent("Ana");
    agentB = teamB.agent("Bo");
    qc1 = app.as(Role.QC);
    qc2 = app.as(Role.QC);
    managerOfB = app.as(Role.MANAGER, null, List.of(teamB.teamId));
    leadOfB = app.as(Role.QC_LEAD, null, List.of(teamB.teamId));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void a1FeedbackOnAnotherQcsEvaluationIsHiddenFromAQc() {
    String ticket = teamA.ticket(agentA);
    String evaluation = teamA.evaluate(qc1, ticket, "REGULAR", answers(0, 3, 1));
    var agent = app.as(Role.AGENT, agentA, List.of());
    assertThat(
            agent
                .post(
                    "/api/v1/disputes",
                    Map.of("evaluationId", evaluation, "criterionId", "greeting", "reason", "no"))
                .status())
        .isEqualTo(201);
    assertThat(qc1.get("/api/v1/feedback?evaluationId=" + evaluation).status()).isEqualTo(200);
    var other = qc2.get("/api/v1/feedback?evaluationId=" + evaluation);
    assertThat(other.status()).as(other.text()).isEqualTo(404);
    assertThat(other.text()).doesNotContain("scoreBefore");
  }

  @Test
  void a2QcListsOnlyEvaluationsTheyMaySee() {
    String ticket = teamA.ticket(agentA);
    String evaluation = teamA.evaluate(qc1, ticket, "REGULAR", answers(1, 4, 1));
    String path = "/api/v1/summaries/evaluations?from=2026-01-01&to=2026-12-31";
    assertThat(qc1.get(path).text()).contains(evaluation);
    assertThat(qc2.get(path).text()).doesNotContain(evaluation);
    assertThat(qc2.get(path + "&format=csv").text()).doesNotContain(evaluation);
    teamA.evaluate(qc2, ticket, "REGULAR", answers(1, 4, 1));
    assertThat(qc2.get(path).text()).as("after grading the ticket too").contains(evaluation);
  }

  @Test
  void a3SelfReviewsHaveTeamScopeAndStayBlind() {
    String ticket = teamA.ticket(agentA);
    var agent = app.as(Role.AGENT, agentA, List.of());
    var self =
        agent.post(
            "/api/v1/self-reviews",
            Map.of(
                "ticketId",
                ticket,
                "scorecardVersionId",
                teamA.versionId,
                "answers",
                answers(1, 5, 1)));
    assertThat(self.status()).as(self.text()).isEqualTo(201);
    String path = "/api/v1/self-reviews/" + self.json().get("id").asText();
    teamA.evaluate(qc1, ticket, "REGULAR", answers(0, 5, 1));
    assertThat(managerOfB.get(path).status()).as("other team's manager").isEqualTo(404);
    assertThat(qc2.get(path).status()).as("a QC who has not graded the ticket").isEqualTo(404);
    assertThat(qc1.get(path).status()).as("the QC who graded it").isEqualTo(200);
    assertThat(agent.get(path).json().get("qcScore")).isNotNull();
  }

  @Test
  void a4AndA5CalibrationGradesStayBlindUntilRevealAndCloseAfterIt() {
    String agent = teamA.agent("Cal");
    String t1 = teamA.ticket(agent);
    var lead = app.as(Role.QC_LEAD);
    var facilitator = app.as(Role.QC_LEAD);
    var qc = app.as(Role.QC);
    String leadId = WorkflowFixture.userId(lead);
    var session =
        facilitator.post(
            "/api/v1/calibrations",
            Map.of(
                "title",
                "blind",
                "scorecardVersionId",
                teamA.versionId,
                "ticketIds",
                List.of(t1),
                "qcIds",
                List.of(leadId, WorkflowFixture.userId(qc))));
    assertThat(session.status()).as(session.text()).isEqualTo(201);
    String sessionId = session.json().get("id").asText();
    String qcGrade = teamA.evaluate(qc, t1, "CALIBRATION", answers(1, 4, 1));

    // A4: a participating lead cannot read the other participant's grade while grading blind
    assertThat(lead.get("/api/v1/evaluations/" + qcGrade).status()).isEqualTo(403);
    var listed = lead.get("/api/v1/evaluations?kind=CALIBRATION&ticketId=" + t1);
    assertThat(listed.text()).doesNotContain(qcGrade);
    assertThat(facilitator.get("/api/v1/evaluations/" + qcGrade).status())
        .as("a lead facilitating, not grading")
        .isEqualTo(200);

    // A5: a participant reveals only after grading
    var early = lead.post("/api/v1/calibrations/" + sessionId + "/reveal", Map.of());
    assertThat(early.status()).as(early.text()).isEqualTo(409);
    teamA.evaluate(lead, t1, "CALIBRATION", answers(0, 2, 1));
    assertThat(lead.post("/api/v1/calibrations/" + sessionId + "/reveal", Map.of()).status())
        .isEqualTo(200);
    assertThat(lead.get("/api/v1/evaluations/" + qcGrade).status()).isEqualTo(200);

    // A5: nobody grades after the reveal
    var late = app.as(Role.QC);
    var afterReveal =
        late.post(
            "/api/v1/evaluations",
            Map.of(
                "ticketId",
                t1,
                "scorecardVersionId",
                teamA.versionId,
                "kind",
                "CALIBRATION",
                "answers",
                answers(1, 4, 1)));
    assertThat(afterReveal.status()).as(afterReveal.text()).isEqualTo(409);
  }

  @Test
  void a6ToA9TeamScopedStaffActOnlyOnTheirTeamsAgents() {
    var session =
        managerOfB.post(
            "/api/v1/coaching/sessions",
            Map.of("agentId", agentA, "goal", "g", "heldAt", "2026-11-01T10:00:00Z"));
    assertThat(session.status()).as("A6 coaching " + session.text()).isEqualTo(403);
    var plan = leadOfB.post("/api/v1/action-plans", plan(agentA));
    assertThat(plan.status()).as("A7 plan " + plan.text()).isEqualTo(403);
    var training =
        leadOfB.post(
            "/api/v1/training", Map.of("agentId", agentA, "topic", "t", "rootCause", "KNOWLEDGE"));
    assertThat(training.status()).as("A8 training " + training.text()).isEqualTo(403);

    // records of team A made by an unscoped lead: team B's staff may not review or complete them
    var lead = app.as(Role.QC_LEAD);
    String planId = lead.post("/api/v1/action-plans", plan(agentA)).json().get("id").asText();
    assertThat(leadOfB.post("/api/v1/action-plans/" + planId + "/review", Map.of()).status())
        .isEqualTo(404);
    String trainingId =
        lead.post("/api/v1/training", Map.of("agentId", agentA, "topic", "t", "rootCause", "X"))
            .json()
            .get("id")
            .asText();
    assertThat(leadOfB.post("/api/v1/training/" + trainingId + "/complete", Map.of()).status())
        .isEqualTo(404);
    assertThat(
            app.as(Role.AGENT, agentB, List.of())
                .post("/api/v1/training/" + trainingId + "/complete", Map.of())
                .status())
        .isEqualTo(404);

    // A9: escalations of another team's evaluation
    String ticket = teamA.ticket(agentA);
    String critical = teamA.evaluate(qc1, ticket, "REGULAR", answers(1, 5, 0));
    var raise = leadOfB.post("/api/v1/compliance/escalations", Map.of("evaluationId", critical));
    assertThat(raise.status()).as("A9 escalation " + raise.text()).isEqualTo(404);
  }

  @Test
  void a7UnknownOwnerAndMissingAgentFilterAreProblemsNot500() {
    var lead = app.as(Role.QC_LEAD);
    var plan = lead.post("/api/v1/action-plans", plan(agentA, "ownerId", "nobody"));
    assertThat(plan.status()).as(plan.text()).isEqualTo(422);
    assertThat(plan.json().get("field").asText()).isEqualTo("/ownerId");
    var all = lead.get("/api/v1/action-plans");
    assertThat(all.status()).as(all.text()).isEqualTo(200);
  }

  @Test
  void a10TheAuditPackKeepsToTheManagersTeams() throws IOException {
    String ticket = teamA.ticket(agentA);
    String evaluation = teamA.evaluate(qc1, ticket, "REGULAR", answers(1, 5, 1));
    String scoped = auditPack(managerOfB, teamB.teamId, 200);
    assertThat(scoped).doesNotContain(evaluation).doesNotContain(agentA);
    // a team-scoped manager must name one of their teams, and cannot name another
    auditPack(managerOfB, null, 400);
    auditPack(managerOfB, teamA.teamId, 403);
    assertThat(auditPack(app.as(Role.MANAGER), null, 200)).contains(evaluation);
  }

  // an action plan for the agent, with further fields as name, value pairs
  private static Map<String, Object> plan(String agentId, Object... more) {
    var body = new LinkedHashMap<String, Object>();
    body.putAll(
        Map.of(
            "agentId",
            agentId,
            "goal",
            "g",
            "measure",
            "QUALITY_SCORE",
            "target",
            90,
            "dueAt",
            "2027-06-01T00:00:00Z"));
    for (int i = 0; i < more.length; i += 2) body.put((String) more[i], more[i + 1]);
    return body;
  }

  // every entry of the ZIP, concatenated
  private static String auditPack(Api api, String teamId, int status) throws IOException {
    String token = api.token();
    var request =
        new Request.Builder()
            .url(app.baseUrl() + "/api/v1/audit-pack" + (teamId == null ? "" : "?teamId=" + teamId))
            .header("Authorization", "Bearer " + token)
            .build();
    try (var response = new OkHttpClient().newCall(request).execute();
        var zip = new ZipInputStream(new ByteArrayInputStream(response.body().bytes()))) {
      assertThat(response.code()).isEqualTo(status);
      if (status != 200) return "";
      StringBuilder all = new StringBuilder();
      while (zip.getNextEntry() != null)
        all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      return all.toString();
    }
  }
}
