package io.qccompanion.server.evaluations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluationsApiTest {
  static TestApp app;
  static TicketFixture fx;
  static String team;
  static String agentA;
  static String agentB;
  static String connection;
  static String versionId;
  static Api qc1;
  static Api qc2;
  static Api lead;
  static Api manager;
  static Api agentAUser;
  static Api agentBUser;
  static Api qcWhoIsAgentA;
  static Api otherTeamQc;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    fx = new TicketFixture(app.c());
    team = fx.team("Billing");
    agentA = fx.agent("Ana Lopez", team);
    agentB = fx.agent("Ben Ode", team);
    connection = fx.connection();
    versionId = fx.scorecard(team, true);
    qc1 = app.as(Role.QC);
    qc2 = app.as(Role.QC);
    lead = app.as(Role.QC_LEAD);
    manager = app.as(Role.MANAGER);
    agentAUser = app.as(Role.AGENT, agentA, List.of());
    agentBUser = app.as(Role.AGENT, agentB, List.of());
    qcWhoIsAgentA = app.as(Role.QC, agentA, List.of());
    otherTeamQc = app.as(Role.QC, null, List.of(fx.team("Sales")));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static String ticketOf(String agent) {
    return fx.ticket(connection, agent, team, "email");
  }

  private static String draft(Api qc, String ticket) {
    var created = qc.post("/api/v1/evaluations", Map.of("ticketId", ticket));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private static JsonNode submitted(Api qc, String ticket) {
    String id = draft(qc, ticket);
    var submitted =
        qc.post(
            "/api/v1/evaluations/" + id + "/submit",
            Map.of(
                "answers",
                TicketFixture.answersWithAccuracyFailed(),
                "coachingNote",
                "Check the KB"));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    return submitted.json();
  }

  private static int count(String sql, Object... args) {
    return app.c()
        .db()
        .read(
            h -> {
              var q = h.createQuery(sql);
              for (int i = 0; i < args.length; i++) q.bind(i, args[i]);
              return q.mapTo(Integer.class).one();
            });
  }

  @Test
  void draftPicksTheScorecardByRuleAndShowsTicketFacts() {
    var created = qc1.post("/api/v1/evaluations", Map.of("ticketId", ticketOf(agentA)));
    assertThat(created.status()).isEqualTo(201);
    JsonNode e = created.json();
    assertThat(e.get("status").asText()).isEqualTo("DRAFT");
    assertThat(e.get("scorecardVersionId").asText()).isEqualTo(versionId);
    assertThat(e.get("ticket").get("key").asText()).startsWith("#");
    assertThat(e.get("ticket").get("subject").asText()).isEqualTo("Refund not received");
    assertThat(e.get("ticket").get("url").asText()).startsWith("https://acme.zendesk.test/");
    assertThat(e.get("ticket").get("agentName").asText()).isEqualTo("Ana Lopez");
    assertThat(e.has("score")).isFalse();
  }

  @Test
  void submitScoresServerSideAndQueuesTheWriteBack() {
    JsonNode e = submitted(qc1, ticketOf(agentA));
    String id = e.get("id").asText();
    assertThat(e.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(e.get("score").asDouble()).isEqualTo(50.0);
    assertThat(e.get("passed").asBoolean()).isFalse();
    assertThat(e.get("revision").asInt()).isEqualTo(1);
    assertThat(e.get("revisions")).hasSize(1);
    assertThat(e.get("revisions").get(0).get("answers"))
        .as("the revision shows the answers as submitted, as a JSON object")
        .isEqualTo(e.get("answers"));
    assertThat(e.get("writeBack").get("status").asText()).isEqualTo("PENDING");
    assertThat(e.get("writeBack").get("attempts").asInt()).isZero();
    assertThat(count("SELECT count(*) FROM outbox WHERE idempotency_key = ?", "qc-" + id + "-r1"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM evaluation_answers WHERE evaluation_id = ?", id))
        .isEqualTo(4);
    assertThat(
            count(
                "SELECT count(*) FROM evaluation_answers WHERE evaluation_id = ? AND failed = 1"
                    + " AND criterion_id = 'accuracy' AND root_causes = '[\"kb\"]'",
                id))
        .isEqualTo(1);
  }

  @Test
  void failedSubmitWritesNothing() {
    String id = draft(qc1, ticketOf(agentA));
    var answers = new HashMap<>(TicketFixture.answersWithAccuracyFailed());
    answers.remove("privacy");
    var answer = qc1.post("/api/v1/evaluations/" + id + "/submit", Map.of("answers", answers));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo("/answers/privacy");
    assertThat(qc1.get("/api/v1/evaluations/" + id).json().get("status").asText())
        .isEqualTo("DRAFT");
    assertThat(count("SELECT count(*) FROM outbox WHERE evaluation_id = ?", id)).isZero();
    assertThat(count("SELECT count(*) FROM evaluation_revisions WHERE evaluation_id = ?", id))
        .isZero();
  }

  @Test
  void clientSentScoreIsRejected() {
    String id = draft(qc1, ticketOf(agentA));
    var answer = qc1.post("/api/v1/evaluations/" + id + "/submit", Map.of("score", 100));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo("/score");
  }

  @Test
  void badAnswersNameTheField() {
    String ticket = ticketOf(agentA);
    var unknown =
        qc2.post(
            "/api/v1/evaluations",
            Map.of("ticketId", ticket, "answers", Map.of("nope", Map.of("value", 1))));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("field").asText()).isEqualTo("/answers/nope");
    var outOfRange =
        qc2.post(
            "/api/v1/evaluations",
            Map.of("ticketId", ticket, "answers", Map.of("tone", Map.of("value", 7))));
    assertThat(outOfRange.json().get("field").asText()).isEqualTo("/answers/tone/value");
    var notApplicable =
        qc2.post(
            "/api/v1/evaluations",
            Map.of(
                "ticketId", ticket, "answers", Map.of("privacy", Map.of("notApplicable", true))));
    assertThat(notApplicable.json().get("field").asText())
        .isEqualTo("/answers/privacy/notApplicable");
    var noTicket = qc2.post("/api/v1/evaluations", Map.of("ticketId", "missing"));
    assertThat(noTicket.json().get("field").asText()).isEqualTo("/ticketId");
    var kind = qc2.post("/api/v1/evaluations", Map.of("ticketId", ticket, "kind", "SPOT"));
    assertThat(kind.json().get("field").asText()).isEqualTo("/kind");
  }

  @Test
  void patchReplacesAnswersPerCriterionAndNullRemovesOne() {
    String id = draft(qc1, ticketOf(agentA));
    qc1.patch(
        "/api/v1/evaluations/" + id,
        Map.of("answers", Map.of("greeting", Map.of("value", 1), "tone", Map.of("value", 3))));
    String body =
        "{\"answers\": {\"tone\": null, \"accuracy\": {\"value\": 1}}, \"overallComment\": \"solid\"}";
    var patched = qc1.patch("/api/v1/evaluations/" + id, body);
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.json().get("answers").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("greeting", "accuracy");
    assertThat(patched.json().get("overallComment").asText()).isEqualTo("solid");
  }

  @Test
  void agentReadsOnlyTheirOwnSubmittedEvaluations() {
    String draftId = draft(qc1, ticketOf(agentA));
    String id = submitted(qc1, ticketOf(agentA)).get("id").asText();
    assertThat(agentAUser.get("/api/v1/evaluations/" + id).status()).isEqualTo(200);
    assertThat(agentAUser.get("/api/v1/evaluations/" + id + "/revisions").status()).isEqualTo(200);
    assertThat(agentAUser.get("/api/v1/evaluations/" + draftId).status()).isEqualTo(403);
    assertThat(agentBUser.get("/api/v1/evaluations/" + id).status()).isEqualTo(403);
    assertThat(agentBUser.get("/api/v1/evaluations/" + id + "/revisions").status()).isEqualTo(403);
    var listed = ids(agentBUser.get("/api/v1/evaluations?agentId=" + agentA).json());
    assertThat(listed).isEmpty();
    var own = ids(agentAUser.get("/api/v1/evaluations?limit=500").json());
    assertThat(own).contains(id).doesNotContain(draftId);
  }

  @Test
  void qcIsBlindToOtherQcsEvaluationOfATicketUntilSubmittingTheirOwn() {
    String ticket = ticketOf(agentB);
    String first = submitted(qc1, ticket).get("id").asText();
    assertThat(qc2.get("/api/v1/evaluations/" + first).status()).isEqualTo(403);
    assertThat(ids(qc2.get("/api/v1/evaluations?ticketId=" + ticket).json())).isEmpty();
    String own = draft(qc2, ticket);
    assertThat(qc2.get("/api/v1/evaluations/" + first).status()).isEqualTo(403);
    assertThat(ids(qc2.get("/api/v1/evaluations?ticketId=" + ticket).json())).containsExactly(own);
    assertThat(lead.get("/api/v1/evaluations/" + first).status()).isEqualTo(200);
    assertThat(manager.get("/api/v1/evaluations/" + first).status()).isEqualTo(200);

    var submit =
        qc2.post(
            "/api/v1/evaluations/" + own + "/submit",
            Map.of("answers", TicketFixture.answersWithAccuracyFailed()));
    assertThat(submit.status()).isEqualTo(200);
    assertThat(qc2.get("/api/v1/evaluations/" + first).status()).isEqualTo(200);
    assertThat(ids(qc2.get("/api/v1/evaluations?ticketId=" + ticket).json()))
        .containsExactlyInAnyOrder(own, first);
  }

  @Test
  void qcCannotChangeOrSubmitAnotherQcsDraft() {
    String id = draft(qc1, ticketOf(agentA));
    assertThat(
            qc2.patch("/api/v1/evaluations/" + id, Map.of("overallComment", "mine now")).status())
        .isEqualTo(403);
    assertThat(qc2.post("/api/v1/evaluations/" + id + "/submit", "").status()).isEqualTo(403);
    assertThat(lead.post("/api/v1/evaluations/" + id + "/submit", "").status()).isEqualTo(403);
  }

  @Test
  void managerCannotCreateOrSubmit() {
    String id = draft(qc1, ticketOf(agentA));
    assertThat(manager.post("/api/v1/evaluations/" + id + "/submit", "").status()).isEqualTo(403);
    assertThat(manager.post("/api/v1/evaluations", Map.of("ticketId", ticketOf(agentA))).status())
        .isEqualTo(403);
  }

  @Test
  void submittedEvaluationCannotBeEditedAgain() {
    String id = submitted(qc1, ticketOf(agentA)).get("id").asText();
    assertThat(qc1.patch("/api/v1/evaluations/" + id, Map.of("overallComment", "later")).status())
        .isEqualTo(409);
  }

  @Test
  void qcCannotGradeTheirOwnTicket() {
    var answer = qcWhoIsAgentA.post("/api/v1/evaluations", Map.of("ticketId", ticketOf(agentA)));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(
            qcWhoIsAgentA
                .post("/api/v1/evaluations", Map.of("ticketId", ticketOf(agentB)))
                .status())
        .isEqualTo(201);
  }

  @Test
  void qcOutsideTheTicketsTeamCannotGradeIt() {
    assertThat(
            otherTeamQc.post("/api/v1/evaluations", Map.of("ticketId", ticketOf(agentA))).status())
        .isEqualTo(403);
  }

  @Test
  void secondRegularEvaluationOfTheSameTicketByTheSameQcConflicts() {
    String ticket = ticketOf(agentA);
    draft(qc1, ticket);
    assertThat(qc1.post("/api/v1/evaluations", Map.of("ticketId", ticket)).status()).isEqualTo(409);
    assertThat(
            qc1.post("/api/v1/evaluations", Map.of("ticketId", ticket, "kind", "CALIBRATION"))
                .status())
        .isEqualTo(201);
  }

  @Test
  void calibrationEvaluationsAreNotWrittenBackNorShownToAgents() {
    String ticket = ticketOf(agentA);
    var created =
        qc2.post("/api/v1/evaluations", Map.of("ticketId", ticket, "kind", "CALIBRATION"));
    String id = created.json().get("id").asText();
    qc2.post(
        "/api/v1/evaluations/" + id + "/submit",
        Map.of("answers", TicketFixture.answersWithAccuracyFailed()));
    assertThat(count("SELECT count(*) FROM outbox WHERE evaluation_id = ?", id)).isZero();
    assertThat(agentAUser.get("/api/v1/evaluations/" + id).status()).isEqualTo(403);
  }

  @Test
  void listPagesWithACursorNewestFirst() {
    String agentC = fx.agent("Cleo Park", team);
    List<String> submittedIds = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      app.clock().advance(Duration.ofMinutes(1));
      submittedIds.add(submitted(qc1, ticketOf(agentC)).get("id").asText());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var page =
          lead.get(
                  "/api/v1/evaluations?agentId="
                      + agentC
                      + "&limit=2"
                      + (cursor == null ? "" : "&cursor=" + cursor))
              .json();
      seen.addAll(ids(page));
      cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    java.util.Collections.reverse(submittedIds);
    assertThat(seen).containsExactlyElementsOf(submittedIds);
  }

  @Test
  void listFiltersByStatusAndRejectsBadFilters() {
    String id = draft(qc2, ticketOf(agentB));
    assertThat(ids(qc2.get("/api/v1/evaluations?status=DRAFT&limit=500").json())).contains(id);
    assertThat(ids(qc2.get("/api/v1/evaluations?status=SUBMITTED&limit=500").json()))
        .doesNotContain(id);
    var bad = qc2.get("/api/v1/evaluations?status=LOST");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("status");
    assertThat(qc2.get("/api/v1/evaluations?from=yesterday").json().get("field").asText())
        .isEqualTo("from");
  }

  @Test
  void amendCreatesTheNextRevisionAndQueuesANewWriteBack() {
    String id = submitted(qc1, ticketOf(agentA)).get("id").asText();
    var allRight = new HashMap<String, Answer>();
    for (String c : List.of("greeting", "accuracy", "privacy"))
      allRight.put(c, new Answer(1.0, null, null, null));
    allRight.put("tone", new Answer(null, true, null, null));
    var amended =
        app.c()
            .db()
            .write(h -> app.c().evaluations().amend(h, id, allRight, null, "dispute upheld"));
    assertThat(amended.revision()).isEqualTo(2);
    assertThat(amended.score()).isEqualTo(100.0);
    var revisions = lead.get("/api/v1/evaluations/" + id + "/revisions").json().get("items");
    assertThat(revisions).hasSize(2);
    assertThat(revisions.get(1).get("reason").asText()).isEqualTo("dispute upheld");
    assertThat(count("SELECT count(*) FROM outbox WHERE evaluation_id = ?", id)).isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM evaluation_answers WHERE evaluation_id = ? AND failed = 1",
                id))
        .isZero();
    assertThat(
            lead.get("/api/v1/evaluations/" + id).json().get("writeBack").get("revision").asInt())
        .isEqualTo(2);
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(i -> ids.add(i.get("id").asText()));
    return ids;
  }
}
