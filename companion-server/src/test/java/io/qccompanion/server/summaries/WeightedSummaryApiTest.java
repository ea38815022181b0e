package io.qccompanion.server.summaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.evaluations.TicketFixture;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design-weighted quality inside {@code /api/v1/summaries}, checked against values computed by
 * hand on a five-evaluation fixture.
 */
class WeightedSummaryApiTest {
  static final double Z95 = 1.959963984540054;
  static final Map<String, Object> ALL_RIGHT =
      Map.of(
          "greeting", Map.of("value", 1),
          "tone", Map.of("value", 5),
          "accuracy", Map.of("value", 1),
          "privacy", Map.of("value", 1));

  static TestApp app;
  static TicketFixture fx;
  static String billing;
  static String support;
  static String connection;
  static Api qc;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    fx = new TicketFixture(app.c());
    billing = fx.team("Billing");
    support = fx.team("Support");
    String weak = fx.agent("Wes Weak", billing);
    String strong = fx.agent("Sue Strong", billing);
    String sam = fx.agent("Sam Support", support);
    connection = fx.connection();
    fx.scorecard(null, true);
    qc = app.as(Role.QC);
    // Billing: 50 at p = 1 (a trigger), 100 at p = 1/4 and 100 at p = 1/2, and 100 sampled by hand
    // (no design probability); Support: 100 at p = 1/2
    graded(weak, billing, 1.0, TicketFixture.answersWithAccuracyFailed());
    graded(strong, billing, 0.25, ALL_RIGHT);
    graded(strong, billing, 0.5, ALL_RIGHT);
    graded(strong, billing, null, ALL_RIGHT);
    graded(sam, support, 0.5, ALL_RIGHT);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static void graded(String agent, String team, Double p, Map<String, Object> answers) {
    String ticket = fx.ticket(connection, agent, team, "email");
    if (p != null) {
      long now = app.clock().millis();
      app.c()
          .db()
          .run(
              h ->
                  h.createUpdate(
                          """
                          INSERT INTO sample_decisions (id, ticket_id, agent_id, team_id, selected,
                            reasons, status, week_start, decided_at, inclusion_probability)
                          VALUES (?, ?, ?, ?, 1, '[]', 'DONE', ?, ?, ?)""")
                      .bind(0, Ids.newId())
                      .bind(1, ticket)
                      .bind(2, agent)
                      .bind(3, team)
                      .bind(4, now)
                      .bind(5, now)
                      .bind(6, p)
                      .execute());
    }
    var draft = qc.post("/api/v1/evaluations", Map.of("ticketId", ticket));
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    var submitted =
        qc.post(
            "/api/v1/evaluations/" + draft.json().get("id").asText() + "/submit",
            Map.of("answers", answers));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
  }

  @Test
  void theOrganisationTotalCarriesTheHajekEstimateWithItsIntervalNextToThePlainMean() {
    var answer = app.as(Role.MANAGER).get("/api/v1/summaries?period=4weeks");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode total = answer.json().get("total");
    // the plain mean counts all five: (50 + 4 × 100) / 5
    assertThat(total.at("/qualityPercent/value").asDouble()).isEqualTo(90.0);
    JsonNode w = total.get("weightedQuality");
    assertThat(w.get("method").asText()).isEqualTo("hajek");
    assertThat(w.get("evaluations").asLong()).isEqualTo(4);
    assertThat(w.get("withoutProbability").asLong()).isEqualTo(1);
    // the same four unweighted: 350 / 4
    assertThat(w.get("samplePercent").asDouble()).isEqualTo(87.5);
    // weights 1, 4, 2, 2: (50 + 400 + 200 + 200) / 9 = 94.44
    assertThat(w.get("weightedPercent").asDouble()).isEqualTo(94.44);
    // Kish: 9² / (1 + 16 + 4 + 4) = 81 / 25
    assertThat(w.get("effectiveSampleSize").asDouble()).isEqualTo(3.24);
    // residuals of the 100s are 50/9, the 50 has p = 1: Σ (1-p)/p² e² = (12 + 2 + 2) · 2500/81,
    // over N̂² = 81, so the standard error is 200/81
    double half = Z95 * 200 / 81;
    assertThat(w.get("low").asDouble()).isCloseTo(850.0 / 9 - half, within(0.005));
    assertThat(w.get("high").asDouble()).isCloseTo(850.0 / 9 + half, within(0.005));
  }

  @Test
  void teamRowsCarryTheirOwnEstimateAndOneEvaluationHasNoInterval() {
    var answer = app.as(Role.MANAGER).get("/api/v1/summaries?period=4weeks&groupBy=team");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    Map<String, JsonNode> rows = new HashMap<>();
    answer.json().get("rows").forEach(r -> rows.put(r.get("groupKey").asText(), r));
    JsonNode b = rows.get(billing).get("weightedQuality");
    // weights 1, 4, 2: (50 + 400 + 200) / 7 = 92.86; Kish 49 / 21 = 2.33
    assertThat(b.get("weightedPercent").asDouble()).isEqualTo(92.86);
    assertThat(b.get("samplePercent").asDouble()).isEqualTo(83.33);
    assertThat(b.get("effectiveSampleSize").asDouble()).isEqualTo(2.33);
    assertThat(b.get("withoutProbability").asLong()).isEqualTo(1);
    assertThat(rows.get(billing).at("/qualityPercent/value").asDouble()).isEqualTo(87.5);
    JsonNode s = rows.get(support).get("weightedQuality");
    assertThat(s.get("weightedPercent").asDouble()).isEqualTo(100.0);
    assertThat(s.get("evaluations").asLong()).isEqualTo(1);
    assertThat(s.has("low")).isFalse();
    // a team picked as the scope gets its estimate on the total
    JsonNode scoped =
        app.as(Role.MANAGER)
            .get("/api/v1/summaries?period=4weeks&teamId=" + billing)
            .json()
            .at("/total/weightedQuality/weightedPercent");
    assertThat(scoped.asDouble()).isEqualTo(92.86);
  }

  @Test
  void agentRowsAndBucketsCarryNoEstimate() {
    JsonNode agents =
        app.as(Role.MANAGER).get("/api/v1/summaries?period=4weeks&groupBy=agent").json();
    agents.get("rows").forEach(r -> assertThat(r.has("weightedQuality")).isFalse());
    JsonNode weeks = app.as(Role.MANAGER).get("/api/v1/summaries?period=4weeks&bucket=week").json();
    weeks.get("rows").forEach(r -> assertThat(r.has("weightedQuality")).isFalse());
    assertThat(weeks.at("/total/weightedQuality/evaluations").asLong()).isEqualTo(4);
  }
}
