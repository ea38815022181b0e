package io.qccompanion.server.workflows;

import static io.qccompanion.server.workflows.WorkflowFixture.answers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CalibrationApiTest {
  static TestApp app;
  static WorkflowFixture f;
  static Api lead;
  static Api qc1;
  static Api qc2;
  static Api qc3;
  static Api outsider;
  static String t1;
  static String t2;
  static String sessionId;
  static String qc1Id;
  static String qc2Id;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    f = new WorkflowFixture(app);
    String agent = f.agent("Cal");
    lead = app.as(Role.QC_LEAD);
    qc1 = app.as(Role.QC);
    qc2 = app.as(Role.QC);
    qc3 = app.as(Role.QC);
    outsider = app.as(Role.QC);
    qc1Id = WorkflowFixture.userId(qc1);
    qc2Id = WorkflowFixture.userId(qc2);
    t1 = f.ticket(agent);
    t2 = f.ticket(agent);
    var created =
        lead.post(
            "/api/v1/calibrations",
            Map.of(
                "title",
                "November moderation",
                "scorecardVersionId",
                f.versionId,
                "ticketIds",
                List.of(t1, t2),
                "qcIds",
                List.of(qc1Id, qc2Id, WorkflowFixture.userId(qc3))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    sessionId = created.json().get("id").asText();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void blindGradingThenRevealThenBenchmarkGivesAgreementAndDeviation() {
    // qc1 lenient, qc2 strict, qc3 in the middle
    f.evaluate(qc1, t1, "CALIBRATION", answers(1, 5, 1));
    f.evaluate(qc1, t2, "CALIBRATION", answers(1, 4, 1));
    f.evaluate(qc2, t1, "CALIBRATION", answers(0, 3, 1));
    f.evaluate(qc2, t2, "CALIBRATION", answers(0, 2, 1));
    f.evaluate(qc3, t1, "CALIBRATION", answers(1, 4, 1));
    f.evaluate(qc3, t2, "CALIBRATION", answers(1, 3, 1));

    JsonNode blind = qc1.get("/api/v1/calibrations/" + sessionId + "/grades").json();
    assertThat(blind.get("revealed").asBoolean()).isFalse();
    assertThat(blind.get("items")).hasSize(2).allMatch(g -> g.get("qcId").asText().equals(qc1Id));
    assertThat(qc1.get("/api/v1/calibrations/" + sessionId + "/report").status()).isEqualTo(403);
    assertThat(outsider.get("/api/v1/calibrations/" + sessionId).status()).isEqualTo(404);
    assertThat(qc1.post("/api/v1/calibrations/" + sessionId + "/reveal", Map.of()).status())
        .isEqualTo(403);
    var early =
        lead.put(
            "/api/v1/calibrations/" + sessionId + "/benchmarks/" + t1,
            Map.of("answers", answers(1, 4, 1)));
    assertThat(early.status()).as("benchmark before reveal").isEqualTo(409);

    assertThat(
            lead.post("/api/v1/calibrations/" + sessionId + "/reveal", Map.of("notes", "discussed"))
                .status())
        .isEqualTo(200);
    assertThat(qc1.get("/api/v1/calibrations/" + sessionId + "/grades").json().get("items"))
        .hasSize(6);
    for (String t : List.of(t1, t2))
      assertThat(
              lead.put(
                      "/api/v1/calibrations/" + sessionId + "/benchmarks/" + t,
                      Map.of("answers", answers(1, 4, 1), "note", "agreed"))
                  .status())
          .isEqualTo(200);

    JsonNode report = qc2.get("/api/v1/calibrations/" + sessionId + "/report").json();
    assertThat(report.get("graders").asInt()).isEqualTo(3);
    JsonNode greeting = byKey(report.get("criteria"), "criterionId", "greeting");
    // greeting: t1 = {1,0,1}, t2 = {1,0,1}: 2 of 6 pairs agree; 4 of 6 answers match the benchmark
    assertThat(greeting.get("pairwiseAgreement").asDouble()).isCloseTo(2.0 / 6, within(1e-9));
    assertThat(greeting.get("benchmarkAgreement").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
    assertThat(greeting.get("metric").asText()).isEqualTo("NOMINAL");
    assertThat(greeting.get("alpha").asDouble()).isLessThan(0.0);
    assertThat(byKey(report.get("criteria"), "criterionId", "tone").get("metric").asText())
        .isEqualTo("ORDINAL");
    JsonNode privacy = byKey(report.get("criteria"), "criterionId", "privacy");
    assertThat(privacy.get("pairwiseAgreement").asDouble()).isEqualTo(1.0);
    JsonNode strict = byKey(report.get("qcs"), "qcId", qc2Id);
    JsonNode lenient = byKey(report.get("qcs"), "qcId", qc1Id);
    assertThat(strict.get("meanScoreDeviation").asDouble()).isLessThan(0);
    assertThat(lenient.get("meanScoreDeviation").asDouble()).isGreaterThan(0);
    assertThat(strict.get("criterionAgreement").get("greeting").asDouble()).isEqualTo(0.0);
    assertThat(strict.get("criterionDeviation").get("tone").asDouble())
        .isCloseTo(-1.5, within(1e-9));

    var consistency = lead.get("/api/v1/reports/grader-consistency").json();
    assertThat(consistency.get("strictest").asText()).isEqualTo(qc2Id);
    assertThat(consistency.get("mostLenient").asText()).isEqualTo(qc1Id);
    assertThat(byKey(consistency.get("qcs"), "qcId", qc2Id).get("calibrationGrades").asInt())
        .isEqualTo(2);
    var overTime = lead.get("/api/v1/calibrations/report").json();
    assertThat(overTime.get("sessions")).hasSize(1);
    assertThat(overTime.get("qcDeviation").get(qc2Id).asDouble()).isLessThan(0);

    int regular =
        app.c()
            .db()
            .read(h -> h.createQuery("SELECT COUNT(*) FROM outbox").mapTo(Integer.class).one());
    assertThat(regular).as("calibration grades are never written back").isZero();
  }

  @Test
  void aSessionNeedsTwoQcsAndKnownTickets() {
    var one =
        lead.post(
            "/api/v1/calibrations",
            Map.of(
                "title",
                "x",
                "scorecardVersionId",
                f.versionId,
                "ticketIds",
                List.of(t1),
                "qcIds",
                List.of(qc1Id)));
    assertThat(one.status()).isEqualTo(400);
    assertThat(one.json().get("field").asText()).isEqualTo("/qcIds");
    var unknown =
        lead.post(
            "/api/v1/calibrations",
            Map.of(
                "title",
                "x",
                "scorecardVersionId",
                f.versionId,
                "ticketIds",
                List.of(t1, "nope"),
                "qcIds",
                List.of(qc1Id, qc2Id)));
    assertThat(unknown.json().get("field").asText()).isEqualTo("/ticketIds/1");
    assertThat(qc1.post("/api/v1/calibrations", Map.of("title", "x")).status()).isEqualTo(403);
  }

  static JsonNode byKey(JsonNode array, String key, String value) {
    return StreamSupport.stream(array.spliterator(), false)
        .filter(n -> n.get(key).asText().equals(value))
        .findFirst()
        .orElseThrow(() -> new AssertionError(value + " not in " + array));
  }
}
