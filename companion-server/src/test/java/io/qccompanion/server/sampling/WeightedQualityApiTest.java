package io.qccompanion.server.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.evaluations.TicketFixture;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WeightedQualityApiTest {
  static TestApp app;
  static String team;

  static final Map<String, Object> ALL_RIGHT =
      Map.of(
          "greeting", Map.of("value", 1),
          "tone", Map.of("value", 5),
          "accuracy", Map.of("value", 1),
          "privacy", Map.of("value", 1));

  @BeforeAll
  static void start() {
    app = TestApp.start();
    TicketFixture fx = new TicketFixture(app.c());
    team = fx.team("Billing");
    String weak = fx.agent("Wes Weak", team);
    String strong = fx.agent("Sue Strong", team);
    String connection = fx.connection();
    fx.scorecard(team, true);
    Api qc = app.as(Role.QC);
    // weak agent: sampled with certainty (a trigger), scores 50; strong agent: two tickets at 25 %
    // and 50 %, both 100, plus one decided but not sampled
    graded(fx, qc, connection, weak, 1.0, TicketFixture.answersWithAccuracyFailed());
    graded(fx, qc, connection, strong, 0.25, ALL_RIGHT);
    graded(fx, qc, connection, strong, 0.5, ALL_RIGHT);
    decided(fx.ticket(connection, strong, team, "email"), strong, false, 0.25);
  }

  static void graded(
      TicketFixture fx,
      Api qc,
      String connection,
      String agent,
      double p,
      Map<String, Object> answers) {
    String ticket = fx.ticket(connection, agent, team, "email");
    decided(ticket, agent, true, p);
    var draft = qc.post("/api/v1/evaluations", Map.of("ticketId", ticket));
    assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
    var submitted =
        qc.post(
            "/api/v1/evaluations/" + draft.json().get("id").asText() + "/submit",
            Map.of("answers", answers));
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
  }

  static void decided(String ticket, String agent, boolean selected, double p) {
    long now = app.clock().millis();
    app.c()
        .db()
        .run(
            h ->
                h.createUpdate(
                        """
            INSERT INTO sample_decisions (id, ticket_id, agent_id, team_id, selected, reasons, status,
              week_start, decided_at, inclusion_probability)
            VALUES (?, ?, ?, ?, ?, '[]', ?, ?, ?, ?)""")
                    .bind(0, Ids.newId())
                    .bind(1, ticket)
                    .bind(2, agent)
                    .bind(3, team)
                    .bind(4, selected ? 1 : 0)
                    .bind(5, selected ? "DONE" : "SKIPPED")
                    .bind(6, now)
                    .bind(7, now)
                    .bind(8, p)
                    .execute());
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void teamQualityIsWeightedByTheInverseInclusionProbability() {
    var answer = app.as(Role.MANAGER).get("/api/v1/summaries/weighted-quality?teamId=" + team);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode e = answer.json().get("estimate");
    // scores 50 (w 1), 100 (w 4), 100 (w 2): plain 250/3, Hajek 650/7, Kish 49/21
    assertThat(e.get("n").asInt()).isEqualTo(3);
    assertThat(e.get("plainMean").asDouble()).isCloseTo(250.0 / 3, within(1e-9));
    assertThat(e.get("weightedMean").asDouble()).isCloseTo(650.0 / 7, within(1e-9));
    assertThat(e.get("effectiveSampleSize").asDouble()).isCloseTo(49.0 / 21, within(1e-9));
    assertThat(e.get("htMean").asDouble()).isCloseTo(650.0 / 4, within(1e-9));
    assertThat(answer.json().get("decidedTickets").asLong()).isEqualTo(4);
    assertThat(answer.json().get("agents")).hasSize(2);
  }

  @Test
  void badParametersAreProblems() {
    Api manager = app.as(Role.MANAGER);
    assertThat(manager.get("/api/v1/summaries/weighted-quality?margin=0").status()).isEqualTo(400);
    assertThat(manager.get("/api/v1/summaries/weighted-quality?from=yesterday").status())
        .isEqualTo(400);
    assertThat(app.as(Role.QC).get("/api/v1/summaries/weighted-quality").status()).isEqualTo(403);
  }
}
