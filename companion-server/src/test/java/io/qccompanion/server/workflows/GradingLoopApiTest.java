package io.qccompanion.server.workflows;

import static io.qccompanion.server.workflows.WorkflowFixture.answers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The APIs the grading-loop screens use: notifications, disputes inbox, agent home, edits. */
class GradingLoopApiTest {
  static TestApp app;
  static WorkflowFixture f;
  static String agent;
  static Api agentApi;
  static Api qc;
  static Api lead;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    f = new WorkflowFixture(app);
    agent = f.agent("Ann Agent");
    agentApi = app.as(Role.AGENT, agent, List.of(f.teamId));
    qc = app.as(Role.QC);
    lead = app.as(Role.QC_LEAD);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static List<String> titles(Api who) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : who.get("/api/v1/notifications").json().get("items"))
      out.add(n.get("kind").asText() + " " + n.get("title").asText());
    return out;
  }

  static String elsewhere() {
    var c = app.c();
    return c.db().write(h -> c.users().createTeam(h, "Elsewhere").id());
  }

  static int unread(Api who) {
    return who.get("/api/v1/notifications/unread-count").json().get("unread").asInt();
  }

  @Test
  void disputeLoopNotifiesAgentLeadAndGraderAndAmendKeepsTheComment() {
    String ticket = f.ticket(agent);
    Map<String, Object> withComment =
        Map.of(
            "greeting", Map.of("value", 0, "comment", "No name used"),
            "tone", Map.of("value", 4, "comment", "Friendly"),
            "privacy", Map.of("value", 1));
    String evaluation = f.evaluate(qc, ticket, "REGULAR", withComment);
    int agentUnread = unread(agentApi);
    assertThat(titles(agentApi))
        .anyMatch(t -> t.startsWith("EVALUATION_NEW New evaluation of ticket #" + ticket));

    var ack1 =
        agentApi.post("/api/v1/feedback/acknowledgements", Map.of("evaluationId", evaluation));
    var ack2 =
        agentApi.post("/api/v1/feedback/acknowledgements", Map.of("evaluationId", evaluation));
    assertThat(ack2.json().get("id").asText()).isEqualTo(ack1.json().get("id").asText());
    var feedback = agentApi.get("/api/v1/feedback?evaluationId=" + evaluation).json().get("items");
    assertThat(feedback.findValuesAsText("kind")).containsExactly("ACKNOWLEDGE");

    var dispute =
        agentApi.post(
            "/api/v1/disputes",
            Map.of("evaluationId", evaluation, "criterionId", "tone", "reason", "I was polite"));
    assertThat(dispute.status()).as(dispute.text()).isEqualTo(201);
    String disputeId = dispute.json().get("id").asText();
    assertThat(titles(lead)).anyMatch(t -> t.startsWith("DISPUTE_OPENED") && t.contains("(tone)"));
    assertThat(titles(qc)).noneMatch(t -> t.startsWith("DISPUTE_OPENED"));

    JsonNode inbox = lead.get("/api/v1/disputes/inbox").json();
    JsonNode row = null;
    for (JsonNode r : inbox.get("items")) if (r.get("id").asText().equals(disputeId)) row = r;
    assertThat(row).isNotNull();
    assertThat(row.get("agentName").asText()).isEqualTo("Ann Agent");
    assertThat(row.get("criterionId").asText()).isEqualTo("tone");
    assertThat(row.get("slaHours").asLong()).isEqualTo(72);
    assertThat(row.get("canResolve").asBoolean()).isTrue();
    assertThat(inbox.get("open").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(qc.get("/api/v1/disputes/inbox").status()).isEqualTo(403);

    app.clock().advance(Duration.ofHours(5));
    var resolved =
        lead.post(
            "/api/v1/disputes/" + disputeId + "/resolve",
            Map.of(
                "outcome",
                "AMEND",
                "explanation",
                "Tone was fine",
                "answers",
                Map.of("tone", Map.of("value", 5))));
    assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
    JsonNode amended = lead.get("/api/v1/evaluations/" + evaluation).json();
    assertThat(amended.get("revision").asInt()).isEqualTo(2);
    assertThat(amended.get("answers").get("tone").get("comment").asText()).isEqualTo("Friendly");
    assertThat(amended.get("answers").get("greeting").get("comment").asText())
        .isEqualTo("No name used");
    assertThat(amended.get("passMark").asDouble()).isEqualTo(80.0);
    assertThat(titles(agentApi))
        .anyMatch(t -> t.startsWith("DISPUTE_RESOLVED") && t.contains("amended"));
    assertThat(titles(qc)).anyMatch(t -> t.startsWith("DISPUTE_RESOLVED"));
    assertThat(unread(agentApi)).isEqualTo(agentUnread + 1);

    String first =
        agentApi.get("/api/v1/notifications").json().get("items").get(0).get("id").asText();
    assertThat(
            agentApi
                .post("/api/v1/notifications/" + first + "/read", Map.of())
                .json()
                .get("unread")
                .asInt())
        .isEqualTo(agentUnread);
    assertThat(qc.post("/api/v1/notifications/" + first + "/read", Map.of()).status())
        .as("someone else's notification")
        .isEqualTo(404);
    agentApi.post("/api/v1/notifications/read-all", Map.of());
    assertThat(unread(agentApi)).isZero();
  }

  @Test
  void switchedOffKindsAreNotRaised() {
    String other = f.agent("Quiet Agent");
    Api quiet = app.as(Role.AGENT, other, List.of(f.teamId));
    var put =
        quiet.put(
            "/api/v1/notifications/preferences",
            Map.of("items", List.of(Map.of("kind", "EVALUATION_NEW", "inApp", false))));
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    assertThat(put.json().get("mailConfigured").asBoolean()).isFalse();
    f.evaluate(qc, f.ticket(other), "REGULAR", answers(1, 5, 1));
    assertThat(titles(quiet)).isEmpty();
    var bad =
        quiet.put(
            "/api/v1/notifications/preferences",
            Map.of("items", List.of(Map.of("kind", "NOPE", "inApp", false))));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("/items/0/kind");
  }

  @Test
  void agentHomeSummarisesTrendPassRateTargetAndCriteria() {
    String a = f.agent("Home Agent");
    Api home = app.as(Role.AGENT, a, List.of(f.teamId));
    f.evaluate(qc, f.ticket(a), "REGULAR", answers(1, 5, 1)); // 100 %
    app.clock().advance(Duration.ofDays(7));
    f.evaluate(qc, f.ticket(a), "REGULAR", answers(0, 3, 1)); // greeting 0, tone 0.5, privacy 1
    JsonNode s = home.get("/api/v1/feedback/summary").json();
    assertThat(s.get("agentName").asText()).isEqualTo("Home Agent");
    assertThat(s.get("evaluations").asInt()).isEqualTo(2);
    assertThat(s.get("averageScore").asDouble()).isCloseTo((100 + 50) / 2.0, within(1e-9));
    assertThat(s.get("passRatePercent").asDouble()).isEqualTo(50.0);
    assertThat(s.get("qualityTargetPercent").asDouble()).isEqualTo(90.0);
    assertThat(s.get("passMarks").get(0).get("passMarkPercent").asDouble()).isEqualTo(80.0);
    assertThat(s.get("trend")).hasSize(2);
    assertThat(s.get("strongest").get(0).get("criterionId").asText()).isEqualTo("privacy");
    assertThat(s.get("weakest").get(0).get("criterionId").asText()).isEqualTo("greeting");
    assertThat(s.get("weakest").get(0).get("percentOfPoints").asDouble()).isEqualTo(50.0);
    assertThat(lead.get("/api/v1/feedback/summary?agentId=" + a).json().get("evaluations").asInt())
        .isEqualTo(2);
    assertThat(lead.get("/api/v1/feedback/summary").status()).isEqualTo(400);
  }

  @Test
  void graderEditsWithinTheWindowAsANewRevision() {
    String evaluation = f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 1));
    JsonNode view = qc.get("/api/v1/evaluations/" + evaluation).json();
    assertThat(view.get("editableUntil").asText()).isNotBlank();
    var edit =
        qc.post(
            "/api/v1/evaluations/" + evaluation + "/revise",
            Map.of("answers", Map.of("tone", Map.of("value", 3))));
    assertThat(edit.status()).as(edit.text()).isEqualTo(200);
    assertThat(edit.json().get("revision").asInt()).isEqualTo(2);
    assertThat(edit.json().get("score").asDouble()).isLessThan(100.0);
    assertThat(
            lead.post("/api/v1/evaluations/" + evaluation + "/revise", Map.of("answers", Map.of()))
                .status())
        .as("only the grader")
        .isEqualTo(403);
    app.clock().advance(Duration.ofHours(25));
    assertThat(
            qc.post("/api/v1/evaluations/" + evaluation + "/revise", Map.of("answers", Map.of()))
                .status())
        .as("window closed")
        .isEqualTo(409);
  }

  @Test
  void agentStartsASelfReviewWithTheScorecardChosenForTheTicket() {
    String a = f.agent("Self Agent");
    Api self = app.as(Role.AGENT, a, List.of(f.teamId));
    String ticket = f.ticket(a);
    assertThat(
            self.get("/api/v1/self-reviews/candidates").json().get("items").findValuesAsText("id"))
        .contains(ticket);
    JsonNode card = self.get("/api/v1/self-reviews/scorecard?ticketId=" + ticket).json();
    assertThat(card.get("scorecardVersionId").asText()).isEqualTo(f.versionId);
    assertThat(card.get("definition").get("name").asText()).isEqualTo("Support");
    var saved =
        self.post("/api/v1/self-reviews", Map.of("ticketId", ticket, "answers", answers(1, 4, 1)));
    assertThat(saved.status()).as(saved.text()).isEqualTo(201);
    assertThat(
            self.get("/api/v1/self-reviews/candidates").json().get("items").findValuesAsText("id"))
        .doesNotContain(ticket);
    assertThat(self.get("/api/v1/self-reviews/scorecard?ticketId=" + f.ticket(agent)).status())
        .isEqualTo(400);
  }

  @Test
  void calibrationRevealsOnlyWhenEveryoneGradedAndClosesGrading() {
    Api qc1 = app.as(Role.QC);
    Api qc2 = app.as(Role.QC, null, List.of(elsewhere()));
    String t1 = f.ticket(agent);
    String t2 = f.ticket(agent);
    var created =
        lead.post(
            "/api/v1/calibrations",
            Map.of(
                "title",
                "Weekly moderation",
                "scorecardVersionId",
                f.versionId,
                "ticketIds",
                List.of(t1, t2),
                "qcIds",
                List.of(WorkflowFixture.userId(qc1), WorkflowFixture.userId(qc2)),
                "deadline",
                "2026-12-31T00:00:00Z",
                "benchmarkQcId",
                WorkflowFixture.userId(qc1)));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    assertThat(titles(qc2))
        .contains("CALIBRATION_INVITATION Calibration session: Weekly moderation");
    JsonNode mine = qc2.get("/api/v1/calibrations").json().get("items");
    assertThat(mine.findValuesAsText("id")).containsExactly(id);
    assertThat(mine.get(0).get("gradesExpected").asInt()).isEqualTo(4);

    // qc2 works for another team but grades the session's tickets in calibration mode
    f.evaluate(qc1, t1, "CALIBRATION", answers(1, 5, 1));
    f.evaluate(qc1, t2, "CALIBRATION", answers(1, 4, 1));
    f.evaluate(qc2, t1, "CALIBRATION", answers(0, 3, 1));
    var early = lead.post("/api/v1/calibrations/" + id + "/reveal", Map.of());
    assertThat(early.status()).as("one grade missing").isEqualTo(409);
    assertThat(early.json().get("detail").asText()).contains("1 grade(s) still missing");
    assertThat(lead.get("/api/v1/calibrations/" + id).json().get("revealable").asBoolean())
        .isFalse();
    var draft =
        qc2.post(
            "/api/v1/evaluations",
            Map.of("ticketId", t2, "kind", "CALIBRATION", "answers", answers(0, 2, 1)));
    assertThat(draft.status()).as(draft.text()).isEqualTo(201);

    app.clock().set(java.time.Instant.parse("2026-12-31T00:00:01Z"));
    assertThat(lead.post("/api/v1/calibrations/" + id + "/reveal", Map.of()).status())
        .as("deadline passed")
        .isEqualTo(200);
    assertThat(titles(qc1))
        .contains("CALIBRATION_REVEALED Calibration grades revealed: Weekly moderation");
    var late =
        qc2.post("/api/v1/evaluations/" + draft.json().get("id").asText() + "/submit", Map.of());
    assertThat(late.status()).as("no grading after reveal").isEqualTo(409);

    JsonNode report = qc2.get("/api/v1/calibrations/" + id + "/report").json();
    JsonNode greeting = report.get("criteria").get(0);
    assertThat(greeting.get("criterionId").asText()).isEqualTo("greeting");
    assertThat(greeting.get("reading").asText()).isEqualTo("unreliable");
    assertThat(report.get("scoreReading").asText())
        .isIn("reliable", "tentative", "unreliable", "not enough data");
    JsonNode worst = report.get("disagreements").get(0);
    assertThat(worst.get("ticketId").asText()).isEqualTo(t1);
    assertThat(worst.get("scoreSpread").asDouble()).isCloseTo(50.0, within(1e-9));
    assertThat(worst.get("disputedCriteria").toString()).isEqualTo("[\"greeting\",\"tone\"]");
    JsonNode strict = null;
    for (JsonNode g : report.get("qcs"))
      if (g.get("qcId").asText().equals(WorkflowFixture.userId(qc2))) strict = g;
    assertThat(strict.get("leaning").asText()).isEqualTo("STRICT");
    assertThat(strict.get("meanScoreDeviation").asDouble()).isLessThan(-5);
  }
}
