package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.Message;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.evaluations.TicketFixture;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The agreement gate counts independent human grades only: an answer given with the automatic value
 * pre-filled (kept or changed) is left out and counted as excluded; evaluations graded before
 * suggestions existed, calibration grades and the held-out share count.
 */
class AgreementHoldoutTest {
  static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

  @Test
  void heldOutEvaluationsAreDeterministicAndAboutTheConfiguredShare() {
    Holdout tenth = new Holdout(10);
    int held = 0;
    for (int i = 0; i < 20_000; i++) if (tenth.heldOut("evaluation-" + i)) held++;
    assertThat(held / 20_000.0).isCloseTo(0.10, within(0.007));
    assertThat(tenth.heldOut("evaluation-7")).isEqualTo(new Holdout(10).heldOut("evaluation-7"));
    for (int i = 0; i < 200; i++) {
      assertThat(new Holdout(0).withheld("e" + i, "REGULAR")).isNull();
      assertThat(new Holdout(100).withheld("e" + i, "REGULAR")).isEqualTo(Holdout.Reason.HOLDOUT);
      assertThat(new Holdout(0).withheld("e" + i, "CALIBRATION"))
          .isEqualTo(Holdout.Reason.CALIBRATION);
      // a larger share holds out every evaluation a smaller one does
      if (new Holdout(5).heldOut("e" + i)) assertThat(tenth.heldOut("e" + i)).isTrue();
    }
  }

  /**
   * Machine (greeting found) and human answers per ticket: graded before the binding existed t1 =
   * (1, 1), t2 = (1, 1), t3 = (0, 0), t4 = (1, 0); a calibration grade of t3 = (0, 0); graded with
   * the value pre-filled t5 = (1, 1) kept and t6 = (0, 1) overridden, both left out.
   *
   * <p>Counted: five units of two values. Coincidences o00 = 4, o11 = 4, o01 = o10 = 1; n0 = n1 =
   * 5, n = 10. Nominal alpha = 1 - (n - 1) (o01 + o10) / (2 n0 n1) = 1 - 9 * 2 / 50 = 0.64. With
   * the two pre-filled answers it would be 1 - 13 * 4 / (2 * 6 * 8) = 0.458.
   */
  @Test
  void preFilledAnswersAreLeftOutOfTheHandComputedAlpha() {
    try (TestApp app = TestApp.start()) {
      var fx = new TicketFixture(app.c());
      String team = fx.team("Billing");
      String agent = fx.agent("Ana Lopez", team);
      String connection = fx.connection();
      String version = fx.scorecard(team, true);
      boolean[] greets = {true, true, false, true, true, false};
      String[] t = new String[greets.length];
      for (int i = 0; i < t.length; i++) {
        t[i] = fx.ticket(connection, agent, team, "email");
        conversation(fx, t[i], greets[i]);
      }
      assertThat(app.app().autoQa().worker().runOnce(100)).isEqualTo(t.length);
      Api qc = app.as(Role.QC);
      Api admin = app.as(Role.ADMIN);
      int[] before = {1, 1, 0, 0};
      for (int i = 0; i < before.length; i++) submit(qc, t[i], before[i]);
      var bound =
          admin.put(
              "/api/v1/autoqa/bindings/" + version,
              Map.of(
                  "bindings",
                  List.of(
                      Map.of(
                          "criterionId",
                          "greeting",
                          "check",
                          "greeting",
                          "mapping",
                          "target 1 0"))));
      assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
      submit(qc, t[4], 1);
      submit(qc, t[5], 1);

      Api lead = app.as(Role.QC_LEAD);
      Api grader = app.as(Role.QC);
      var session =
          lead.post(
              "/api/v1/calibrations",
              Map.of(
                  "title",
                  "Greeting",
                  "scorecardVersionId",
                  version,
                  "ticketIds",
                  List.of(t[2]),
                  "qcIds",
                  List.of(id(grader), id(qc))));
      assertThat(session.status()).as(session.toString()).isEqualTo(201);
      var calibration =
          grader.post(
              "/api/v1/evaluations",
              Map.of("ticketId", t[2], "kind", "CALIBRATION", "scorecardVersionId", version));
      assertThat(calibration.status()).as(calibration.toString()).isEqualTo(201);
      String calibrationId = calibration.json().get("id").asText();
      var withheld =
          grader.get(
              "/api/v1/tickets/"
                  + t[2]
                  + "/suggestions?scorecardVersionId="
                  + version
                  + "&evaluationId="
                  + calibrationId);
      assertThat(withheld.json().get("withheld").asText()).isEqualTo("CALIBRATION");
      assertThat(withheld.json().get("suggestions")).isEmpty();
      var graded =
          grader.post(
              "/api/v1/evaluations/" + calibrationId + "/submit", Map.of("answers", answers(0)));
      assertThat(graded.status()).as(graded.toString()).isEqualTo(200);

      JsonNode gate = greetingGate(admin);
      assertThat(gate.get("pairs").asInt()).isEqualTo(5);
      assertThat(gate.get("prefilledExcluded").asInt()).isEqualTo(2);
      assertThat(gate.get("alpha").asDouble()).isCloseTo(0.64, within(1e-12));
      assertThat(gate.get("values").toString()).isEqualTo("[0.0,1.0]");
      // rows: machine 0, 1; columns: human 0, 1
      assertThat(gate.get("confusion").toString()).isEqualTo("[[2,0],[1,2]]");
      assertThat(gate.get("accepted").asInt()).isEqualTo(1);
      assertThat(gate.get("overridden").asInt()).isEqualTo(1);
      assertThat(outcome(app, calibrationId)).isEqualTo("HELD_OUT");
    }
  }

  @Test
  void aHeldOutEvaluationGetsNoSuggestionsAndItsAnswerCounts() {
    try (TestApp app =
        TestApp.start(
            new TestApp.MutableClock(T.plusSeconds(86_400)),
            null,
            b -> b.autoQaHoldoutPercent(100))) {
      var fx = new TicketFixture(app.c());
      String team = fx.team("Billing");
      String agent = fx.agent("Ana Lopez", team);
      String version = fx.scorecard(team, true);
      String ticket = fx.ticket(fx.connection(), agent, team, "email");
      conversation(fx, ticket, true);
      app.app().autoQa().worker().runOnce(100);
      Api admin = app.as(Role.ADMIN);
      admin.put(
          "/api/v1/autoqa/bindings/" + version,
          Map.of(
              "bindings",
              List.of(
                  Map.of(
                      "criterionId", "greeting", "check", "greeting", "mapping", "target 1 0"))));
      String suggestions =
          "/api/v1/tickets/" + ticket + "/suggestions?scorecardVersionId=" + version;
      Api qc = app.as(Role.QC);
      // before an evaluation exists there is nothing to hold out
      assertThat(qc.get(suggestions).json().at("/suggestions/0/value").asDouble()).isEqualTo(1.0);
      var draft = qc.post("/api/v1/evaluations", Map.of("ticketId", ticket));
      String id = draft.json().get("id").asText();
      for (String path : List.of(suggestions, suggestions + "&evaluationId=" + id)) {
        JsonNode res = qc.get(path).json();
        assertThat(res.get("withheld").asText()).as(path).isEqualTo("HOLDOUT");
        assertThat(res.get("suggestions")).as(path).isEmpty();
      }
      assertThat(qc.get(suggestions + "&evaluationId=nope").status()).isEqualTo(400);
      var submitted =
          qc.post("/api/v1/evaluations/" + id + "/submit", Map.of("answers", answers(1)));
      assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
      assertThat(outcome(app, id)).isEqualTo("HELD_OUT");

      JsonNode status = admin.get("/api/v1/autoqa/status").json();
      assertThat(status.at("/gate/holdoutPercent").asInt()).isEqualTo(100);
      JsonNode gate = greetingGate(admin);
      assertThat(gate.get("pairs").asInt()).isEqualTo(1);
      assertThat(gate.get("prefilledExcluded").asInt()).isZero();
      assertThat(gate.get("heldOut").asInt()).isEqualTo(1);
      assertThat(gate.get("accepted").asInt()).isZero();
    }
  }

  static String id(Api user) {
    return user.get("/api/v1/me").json().get("id").asText();
  }

  static JsonNode greetingGate(Api admin) {
    for (JsonNode g : admin.get("/api/v1/autoqa/status").json().get("criteria"))
      if (g.get("criterionId").asText().equals("greeting")) return g;
    throw new AssertionError("no gate for greeting");
  }

  static String outcome(TestApp app, String evaluationId) {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery(
                        "SELECT outcome FROM autoqa_suggestion_outcomes WHERE evaluation_id = ?")
                    .bind(0, evaluationId)
                    .mapTo(String.class)
                    .one());
  }

  static void conversation(TicketFixture fx, String ticketId, boolean greets) {
    fx.conversation(
        ticketId,
        List.of(
            new Message("c1", "customer", true, T, "Hello, where is my refund?"),
            new Message(
                "a1",
                "agent",
                true,
                T.plusSeconds(1800),
                greets ? AutoQaChecksTest.GOOD_REPLY : AutoQaChecksTest.CURT_REPLY)));
  }

  static Map<String, Object> answers(int greeting) {
    return Map.of(
        "greeting", Map.of("value", greeting),
        "tone", Map.of("value", 5),
        "accuracy", Map.of("value", 1),
        "privacy", Map.of("value", 1));
  }

  static void submit(Api qc, String ticket, int greeting) {
    var draft = qc.post("/api/v1/evaluations", Map.of("ticketId", ticket));
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    var submitted =
        qc.post(
            "/api/v1/evaluations/" + draft.json().get("id").asText() + "/submit",
            Map.of("answers", answers(greeting)));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
  }
}
