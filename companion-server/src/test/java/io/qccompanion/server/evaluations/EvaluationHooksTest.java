package io.qccompanion.server.evaluations;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a submit changes beyond the evaluation: aggregates, escalations; and calibration stays
 * blind.
 */
class EvaluationHooksTest {
  static TestApp app;
  static TicketFixture fx;
  static String team;
  static String agent;
  static String connection;
  static Api qc1;
  static Api qc2;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    fx = new TicketFixture(app.c());
    team = fx.team("Billing");
    agent = fx.agent("Ana Lopez", team);
    connection = fx.connection();
    fx.scorecard(team, true);
    qc1 = app.as(Role.QC);
    qc2 = app.as(Role.QC);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private long count(String sql) {
    return app.c().db().read(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  private String submit(Api qc, String ticket, String kind, Map<String, Object> answers) {
    var created = qc.post("/api/v1/evaluations", Map.of("ticketId", ticket, "kind", kind));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asText();
    var submitted = qc.post("/api/v1/evaluations/" + id + "/submit", Map.of("answers", answers));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    return id;
  }

  @Test
  void submitUpdatesQualityAggregatesInTheSameTransaction() {
    long before = count("SELECT COALESCE(SUM(n), 0) FROM agent_week_quality");
    submit(
        qc1,
        fx.ticket(connection, agent, team, "email"),
        "REGULAR",
        TicketFixture.answersWithAccuracyFailed());
    assertThat(count("SELECT COALESCE(SUM(n), 0) FROM agent_week_quality")).isEqualTo(before + 1);
  }

  @Test
  void criticalFailRaisesAComplianceEscalation() {
    var answers =
        Map.<String, Object>of(
            "greeting", Map.of("value", 1),
            "tone", Map.of("value", 5),
            "accuracy", Map.of("value", 1),
            "privacy", Map.of("value", 0, "comment", "shared another customer's address"));
    String id = submit(qc1, fx.ticket(connection, agent, team, "email"), "REGULAR", answers);
    assertThat(
            count("SELECT count(*) FROM compliance_escalations WHERE evaluation_id = '" + id + "'"))
        .isEqualTo(1);
  }

  @Test
  void calibrationGradesStayBlindToOtherQcsEvenAfterOwnSubmission() {
    String ticket = fx.ticket(connection, agent, team, "chat");
    String first = submit(qc1, ticket, "CALIBRATION", TicketFixture.answersWithAccuracyFailed());
    submit(qc2, ticket, "CALIBRATION", TicketFixture.answersWithAccuracyFailed());
    assertThat(qc2.get("/api/v1/evaluations/" + first).status()).isEqualTo(403);
    var listed = qc2.get("/api/v1/evaluations?ticketId=" + ticket).json().get("items");
    assertThat(listed.findValuesAsText("qcId")).doesNotContain(qc1Id(first));
  }

  private String qc1Id(String evaluationId) {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery("SELECT qc_id FROM evaluations WHERE id = ?")
                    .bind(0, evaluationId)
                    .mapTo(String.class)
                    .one());
  }

  @Test
  void calibrationNeverCountsInQualityAggregates() {
    long before = count("SELECT COALESCE(SUM(n), 0) FROM agent_week_quality");
    submit(
        qc2,
        fx.ticket(connection, agent, team, "web"),
        "CALIBRATION",
        TicketFixture.answersWithAccuracyFailed());
    assertThat(count("SELECT COALESCE(SUM(n), 0) FROM agent_week_quality")).isEqualTo(before);
  }
}
