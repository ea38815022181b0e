package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.evaluations.TicketFixture;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AutoQA quality figures in {@code /api/v1/autoqa/status}: given for a criterion whose agreement
 * gate is open (200 tickets graded both ways, full agreement), withheld for one that is only a
 * suggestion.
 */
class AutoQaQualityApiTest {
  static TestApp app;
  static String billing;
  static String support;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    TicketFixture fx = new TicketFixture(app.c());
    billing = fx.team("Billing");
    support = fx.team("Support");
    String agent = fx.agent("Ana Lopez", billing);
    String other = fx.agent("Sam Support", support);
    String connection = fx.connection();
    String version = fx.scorecard(null, true);
    Api admin = app.as(Role.ADMIN);
    String qcId = app.as(Role.QC).get("/api/v1/me").json().get("id").asText();
    var bound =
        admin.put(
            "/api/v1/autoqa/bindings/" + version,
            Map.of(
                "bindings",
                List.of(
                    Map.of("criterionId", "greeting", "check", "greeting", "mapping", "target 1 0"),
                    Map.of(
                        "criterionId", "privacy", "check", "closing", "mapping", "target 1 0"))));
    assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
    // 200 Billing tickets: the machine and the human agree on greeting, 150 yes and 50 no; the
    // closing check is scored on 10 of them only (a suggestion); 40 Support tickets all say no
    List<String[]> tickets = new ArrayList<>();
    for (int i = 0; i < 200; i++)
      tickets.add(
          new String[] {fx.ticket(connection, agent, billing, "email"), i < 150 ? "1" : "0"});
    List<String> supportTickets = new ArrayList<>();
    for (int i = 0; i < 40; i++) supportTickets.add(fx.ticket(connection, other, support, "email"));
    app.c()
        .db()
        .run(
            h -> {
              int i = 0;
              for (String[] t : tickets) {
                int v = Integer.parseInt(t[1]);
                scored(h, t[0], "greeting", v);
                if (i++ < 10) scored(h, t[0], "closing", 1);
                String ev = Ids.newId();
                h.createUpdate(
                        """
                        INSERT INTO evaluations (id, ticket_id, agent_id, team_id,
                          scorecard_version_id, qc_id, kind, status, score, passed, answers,
                          created_at, updated_at, submitted_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'REGULAR', 'SUBMITTED', 100, 1, '{}', 0, 0, 0)""")
                    .bind(0, ev)
                    .bind(1, t[0])
                    .bind(2, agent)
                    .bind(3, billing)
                    .bind(4, version)
                    .bind(5, qcId)
                    .execute();
                h.createUpdate(
                        """
                        INSERT INTO evaluation_answers (evaluation_id, criterion_id, section,
                          criterion, points, max_points, not_applicable, failed, critical,
                          root_causes)
                        VALUES (?, 'greeting', 'Communication', 'greeting', ?, 1, 0, ?, 0, '[]')""")
                    .bind(0, ev)
                    .bind(1, v)
                    .bind(2, 1 - v)
                    .execute();
              }
              for (String t : supportTickets) scored(h, t, "greeting", 0);
            });
  }

  static void scored(org.jdbi.v3.core.Handle h, String ticket, String check, int pass) {
    h.createUpdate(
            """
            INSERT INTO auto_evaluations (ticket_id, ticket_updated_at, rule_set_version, status,
              scored_at) SELECT ?, 0, 'test', 'SCORED', 0
            WHERE NOT EXISTS (SELECT 1 FROM auto_evaluations WHERE ticket_id = ?)""")
        .bind(0, ticket)
        .bind(1, ticket)
        .execute();
    h.createUpdate(
            "INSERT INTO auto_check_results (ticket_id, check_id, value, pass, confidence)"
                + " VALUES (?, ?, ?, ?, 1)")
        .bind(0, ticket)
        .bind(1, check)
        .bind(2, (double) pass)
        .bind(3, pass)
        .execute();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static JsonNode criterion(JsonNode status, String id) {
    for (JsonNode c : status.get("criteria"))
      if (c.get("criterionId").asText().equals(id)) return c;
    throw new AssertionError("no criterion " + id + " in " + status);
  }

  @Test
  void anOpenGateGivesAutoQaQualityOverEveryScoredTicketAndASuggestionGivesNone() {
    var answer = app.as(Role.MANAGER).get("/api/v1/autoqa/status");
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    JsonNode greeting = criterion(answer.json(), "greeting");
    assertThat(greeting.get("state").asText()).isEqualTo("OPEN");
    assertThat(greeting.get("alpha").asDouble()).isEqualTo(1.0);
    assertThat(greeting.get("criterionName").asText()).isEqualTo("greeting");
    // 150 yes of 240 scored tickets (the 40 Support tickets were never graded by a human)
    assertThat(greeting.at("/quality/tickets").asLong()).isEqualTo(240);
    assertThat(greeting.at("/quality/meanPercent").asDouble()).isEqualTo(62.5);
    JsonNode privacy = criterion(answer.json(), "privacy");
    assertThat(privacy.get("state").asText()).isEqualTo("SUGGESTION_ONLY");
    assertThat(privacy.has("quality")).isFalse();
  }

  @Test
  void qualityFiguresFollowTheTeamAndTheCallersScope() {
    JsonNode billingOnly =
        app.as(Role.MANAGER).get("/api/v1/autoqa/status?teamId=" + billing).json();
    assertThat(criterion(billingOnly, "greeting").at("/quality/meanPercent").asDouble())
        .isEqualTo(75.0);
    JsonNode scoped =
        app.as(Role.MANAGER, null, List.of(support)).get("/api/v1/autoqa/status").json();
    assertThat(criterion(scoped, "greeting").at("/quality/tickets").asLong()).isEqualTo(40);
    assertThat(criterion(scoped, "greeting").at("/quality/meanPercent").asDouble()).isZero();
    var foreign =
        app.as(Role.MANAGER, null, List.of(support)).get("/api/v1/autoqa/status?teamId=" + billing);
    assertThat(foreign.status()).isEqualTo(403);
    var bad = app.as(Role.MANAGER).get("/api/v1/autoqa/status?from=last-week");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("from");
    // the fixture's tickets were solved on 1 January 1970
    var later = app.as(Role.MANAGER).get("/api/v1/autoqa/status?from=1970-01-02").json();
    assertThat(criterion(later, "greeting").at("/quality/tickets").asLong()).isZero();
    var thatDay = app.as(Role.MANAGER).get("/api/v1/autoqa/status?to=1970-01-01").json();
    assertThat(criterion(thatDay, "greeting").at("/quality/tickets").asLong()).isEqualTo(240);
  }
}
