package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.Message;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.evaluations.TicketFixture;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AutoQaApiTest {
  static TestApp app;
  static TicketFixture fx;
  static String versionId;
  static String polite;
  static String curt;
  static String empty;
  static Api admin;
  static Api qc;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    fx = new TicketFixture(app.c());
    String team = fx.team("Billing");
    String agent = fx.agent("Ana Lopez", team);
    String connection = fx.connection();
    versionId = fx.scorecard(team, true);
    polite = fx.ticket(connection, agent, team, "email");
    curt = fx.ticket(connection, agent, team, "email");
    empty = fx.ticket(connection, agent, team, "email");
    conversation(polite, "Hello, how do I change my billing address?", AutoQaChecksTest.GOOD_REPLY);
    conversation(curt, "Where is my refund?", AutoQaChecksTest.CURT_REPLY);
    admin = app.as(Role.ADMIN);
    qc = app.as(Role.QC);
    for (String t : List.of(polite, curt))
      app.c()
          .db()
          .run(
              h ->
                  h.createUpdate(
                          """
              INSERT INTO sample_decisions (id, ticket_id, agent_id, team_id, selected, reasons,
                status, week_start, decided_at, inclusion_probability)
              VALUES (?, ?, ?, ?, 0, '[]', 'SKIPPED', 0, 0, 0.08)""")
                      .bind(0, io.qccompanion.server.store.Ids.newId())
                      .bind(1, t)
                      .bind(2, agent)
                      .bind(3, team)
                      .execute());
  }

  static String decision(String ticket) {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery(
                        "SELECT status, reasons, inclusion_probability FROM sample_decisions WHERE ticket_id = ?")
                    .bind(0, ticket)
                    // the probability formatted in Java: SQL renders 1.0 as '1' on PostgreSQL
                    .map(
                        (rs, ctx) ->
                            rs.getString(1) + " " + rs.getString(2) + " " + rs.getDouble(3))
                    .one());
  }

  static void conversation(String ticketId, String customer, String agent) {
    Instant t = Instant.parse("2026-11-02T09:00:00Z");
    List<Message> messages =
        List.of(
            new Message("c1", "customer", true, t, customer),
            new Message("a1", "agent", true, t.plusSeconds(1800), agent));
    fx.conversation(ticketId, messages);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonNode coverage() {
    var status = qc.get("/api/v1/autoqa/status");
    assertThat(status.status()).as(status.toString()).isEqualTo(200);
    return status.json().get("coverage").get(0);
  }

  @Test
  void scoresEveryClosedTicketWithAConversationOnceAndAgainWhenItChanges() {
    AutoQaWorker worker = app.app().autoQa().worker();
    worker.runOnce(100);
    JsonNode zendesk = coverage();
    assertThat(zendesk.get("host").asText()).isEqualTo("zendesk");
    assertThat(zendesk.get("closedTickets").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(zendesk.get("scored").asLong()).isEqualTo(zendesk.get("withConversation").asLong());
    assertThat(zendesk.get("coverage").asDouble()).isEqualTo(1.0);
    assertThat(worker.runOnce(100)).isZero();
    // the curt reply raises spotlight signals and is sampled with certainty; the polite one is not
    assertThat(decision(curt)).isEqualTo("OPEN [\"AUTOQA:low_score\",\"AUTOQA:escalation\"] 1.0");
    assertThat(decision(polite)).isEqualTo("SKIPPED [] 0.08");

    var evaluation = qc.get("/api/v1/tickets/" + curt + "/auto-evaluation");
    assertThat(evaluation.status()).isEqualTo(200);
    JsonNode checks = evaluation.json().get("checks");
    JsonNode greeting = find(checks, "greeting");
    assertThat(greeting.get("value").asDouble()).isZero();
    JsonNode spelling = find(checks, "spelling_grammar");
    assertThat(spelling.get("evidence")).isNotEmpty();
    assertThat(spelling.get("evidence").get(0).get("ruleId").asText()).startsWith("lt:");
    assertThat(evaluation.json().get("ruleSetVersion").asText()).startsWith("autoqa-1/");
    assertThat(qc.get("/api/v1/tickets/" + empty + "/auto-evaluation").status()).isEqualTo(404);

    app.c()
        .db()
        .run(
            h ->
                h.createUpdate("UPDATE tickets SET updated_at = 5 WHERE id = ?")
                    .bind(0, polite)
                    .execute());
    assertThat(coverage().get("coverage").asDouble()).isLessThan(1.0);
    assertThat(worker.runOnce(100)).isEqualTo(1);
    assertThat(coverage().get("coverage").asDouble()).isEqualTo(1.0);
  }

  @Test
  void bindingsAreValidatedAgainstTheCriterionScaleAndGatedByAgreement() {
    var bad =
        admin.put(
            "/api/v1/autoqa/bindings/" + versionId,
            Map.of(
                "bindings",
                List.of(
                    Map.of(
                        "criterionId",
                        "tone",
                        "check",
                        "spelling_grammar",
                        "mapping",
                        "bands <1:7 else:1"))));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("/bindings/0/mapping");
    var unknown =
        admin.put(
            "/api/v1/autoqa/bindings/" + versionId,
            Map.of(
                "bindings",
                List.of(
                    Map.of("criterionId", "nope", "check", "greeting", "mapping", "target 1 0"))));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("field").asText()).isEqualTo("/bindings/0/criterionId");
    var forbidden =
        qc.put(
            "/api/v1/autoqa/bindings/" + versionId,
            Map.of(
                "bindings",
                List.of(
                    Map.of(
                        "criterionId", "greeting", "check", "greeting", "mapping", "target 1 0"))));
    assertThat(forbidden.status()).isEqualTo(403);

    var ok =
        admin.put(
            "/api/v1/autoqa/bindings/" + versionId,
            Map.of(
                "bindings",
                List.of(
                    Map.of("criterionId", "greeting", "check", "greeting", "mapping", "target 1 0"),
                    Map.of(
                        "criterionId",
                        "tone",
                        "check",
                        "spelling_grammar",
                        "mapping",
                        "bands <0.5:5 <1:4 <2:3 <4:2 else:1"))));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().get("bindings")).hasSize(2);

    app.app().autoQa().worker().runOnce(100);
    for (String ticket : List.of(polite, curt)) {
      var draft = qc.post("/api/v1/evaluations", Map.of("ticketId", ticket));
      assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
      var submitted =
          qc.post(
              "/api/v1/evaluations/" + draft.json().get("id").asText() + "/submit",
              Map.of("answers", TicketFixture.answersWithAccuracyFailed()));
      assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    }
    JsonNode criteria = qc.get("/api/v1/autoqa/status").json().get("criteria");
    JsonNode greeting = criteria.get(0);
    assertThat(greeting.get("criterionId").asText()).isEqualTo("greeting");
    // both answers were given with the automatic value pre-filled: the gate counts neither (the
    // holdout and the hand-computed alpha are in AgreementHoldoutTest)
    assertThat(greeting.get("pairs").asInt()).isZero();
    assertThat(greeting.get("prefilledExcluded").asInt()).isEqualTo(2);
    assertThat(greeting.get("confusion").toString()).isEqualTo("[]");
    assertThat(greeting.get("state").asText()).isEqualTo("SUGGESTION_ONLY");
    assertThat(greeting.get("reason").asText()).isEqualTo("0 of 200 double-scored tickets");
    JsonNode tone = criteria.get(1);
    assertThat(tone.get("prefilledExcluded").asInt()).isEqualTo(2);
    // every pre-filled criterion answered differently is recorded as an override, by whom
    assertThat(greeting.get("overridden").asInt()).isEqualTo(1);
    assertThat(greeting.get("accepted").asInt()).isEqualTo(1);
    String curtEvaluation =
        qc.get("/api/v1/evaluations?ticketId=" + curt).json().at("/items/0/id").asText();
    JsonNode overrides =
        qc.get("/api/v1/autoqa/overrides?evaluationId=" + curtEvaluation).json().get("items");
    JsonNode greetingOverride = null;
    for (JsonNode o : overrides)
      if (o.get("criterionId").asText().equals("greeting")) greetingOverride = o;
    assertThat(greetingOverride).as(overrides.toString()).isNotNull();
    assertThat(greetingOverride.get("automaticValue").asDouble()).isZero();
    assertThat(greetingOverride.get("humanValue").asDouble()).isEqualTo(1.0);
    assertThat(greetingOverride.get("outcome").asText()).isEqualTo("OVERRIDDEN");
    assertThat(greetingOverride.get("decidedBy").asText())
        .isEqualTo(qc.get("/api/v1/me").json().get("id").asText());
    assertThat(greetingOverride.get("decidedAt").asText()).isNotBlank();
    assertThat(greetingOverride.get("ruleSetVersion").asText()).startsWith("autoqa-1/");
    // blind grading: another QC sees none of them, a lead sees them all
    assertThat(app.as(Role.QC).get("/api/v1/autoqa/overrides").json().get("items")).isEmpty();
    assertThat(
            app.as(Role.QC_LEAD)
                .get("/api/v1/autoqa/overrides?criterionId=greeting")
                .json()
                .get("items"))
        .hasSize(1);
    assertThat(app.as(Role.AGENT).get("/api/v1/autoqa/overrides").status()).isEqualTo(403);
  }

  @Test
  void suggestionsCarryTheMappedValueAndEvidenceIntoTheStoredTranscript() {
    admin.put(
        "/api/v1/autoqa/bindings/" + versionId,
        Map.of(
            "bindings",
            List.of(
                Map.of("criterionId", "greeting", "check", "greeting", "mapping", "target 1 0"))));
    app.app().autoQa().worker().runOnce(100);
    var res = qc.get("/api/v1/tickets/" + polite + "/suggestions?scorecardVersionId=" + versionId);
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    JsonNode greeting = res.json().get("suggestions").get(0);
    assertThat(greeting.get("criterionId").asText()).isEqualTo("greeting");
    assertThat(greeting.get("value").asDouble()).isEqualTo(1.0);
    JsonNode evidence = greeting.get("evidence").get(0);
    String text =
        qc.get("/api/v1/tickets/" + polite + "/messages")
            .json()
            .get("items")
            .get(evidence.get("messageIndex").asInt())
            .get("text")
            .asText();
    assertThat(text.substring(evidence.get("start").asInt(), evidence.get("end").asInt()))
        .isEqualTo(evidence.get("excerpt").asText())
        .startsWith("Hi");

    assertThat(
            qc.get("/api/v1/tickets/" + empty + "/suggestions?scorecardVersionId=" + versionId)
                .json()
                .get("suggestions"))
        .isEmpty();
    var missing = qc.get("/api/v1/tickets/" + polite + "/suggestions");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("field").asText()).isEqualTo("scorecardVersionId");
    assertThat(qc.get("/api/v1/tickets/nope/suggestions?scorecardVersionId=x").status())
        .isEqualTo(404);
    assertThat(
            app.as(Role.MANAGER)
                .get("/api/v1/tickets/" + polite + "/suggestions?scorecardVersionId=" + versionId)
                .status())
        .isEqualTo(403);
  }

  static JsonNode find(JsonNode checks, String id) {
    for (JsonNode c : checks) if (c.get("check").asText().equals(id)) return c;
    throw new AssertionError("no check " + id + " in " + checks);
  }
}
