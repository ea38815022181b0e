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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-team AutoQA rules: read and replaced through the API within the caller's team scope,
 * validated and audited; the worker scores each ticket with the rules of its agent's team, and a
 * change re-scores exactly that team's tickets.
 */
class TeamRulesApiTest {
  static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

  TestApp app;
  TicketFixture fx;
  String teamA;
  String teamB;
  String ticketA;
  String crossTicket;
  String ticketB;
  Api admin;

  @BeforeEach
  void start() {
    app = TestApp.start();
    fx = new TicketFixture(app.c());
    teamA = fx.team("Billing");
    teamB = fx.team("Shipping");
    String agentA = fx.agent("Ana Lopez", teamA);
    String agentB = fx.agent("Ben Okafor", teamB);
    String connection = fx.connection();
    ticketA = fx.ticket(connection, agentA, teamA, "email");
    // routed to team B's queue, answered by team A's agent: team A's rules score it
    crossTicket = fx.ticket(connection, agentA, teamB, "email");
    ticketB = fx.ticket(connection, agentB, teamB, "email");
    for (String t : List.of(ticketA, crossTicket, ticketB)) conversationWithThreeHourWait(t);
    admin = app.as(Role.ADMIN);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  /** The customer waits 3 h for the reply; the agent notes that the identity was verified. */
  void conversationWithThreeHourWait(String ticketId) {
    fx.conversation(
        ticketId,
        List.of(
            new Message("c1", "customer", true, T, "Hello, I was charged twice for my order."),
            new Message("n1", "agent", false, T.plusSeconds(3600), "Identity verified by phone."),
            new Message(
                "a1",
                "agent",
                true,
                T.plusSeconds(3 * 3600),
                "Hi, I refunded the second charge. Kind regards, Ana")));
  }

  static Map<String, Object> rules(double longestWaitMinutes, Object processRule) {
    return Map.of(
        "firstReplyMinutes",
        600,
        "longestWaitMinutes",
        longestWaitMinutes,
        "handleTimeMinutes",
        8,
        "maxReopens",
        1,
        "dictionary",
        List.of("Zentrixa"),
        "processRules",
        List.of(processRule));
  }

  static final Map<String, Object> IDENTITY =
      Map.of(
          "name", "identity-verified", "keywords", List.of("identity verified"), "required", true);

  JsonNode check(String ticketId, String check) {
    var evaluation = admin.get("/api/v1/tickets/" + ticketId + "/auto-evaluation");
    assertThat(evaluation.status()).as(evaluation.toString()).isEqualTo(200);
    for (JsonNode c : evaluation.json().get("checks"))
      if (c.get("check").asText().equals(check)) return c;
    return null;
  }

  String version(String ticketId) {
    return admin
        .get("/api/v1/tickets/" + ticketId + "/auto-evaluation")
        .json()
        .get("ruleSetVersion")
        .asText();
  }

  @Test
  void aTeamWithoutRulesInheritsTheSopDefaults() {
    var res = admin.get("/api/v1/autoqa/teams/" + teamA + "/rules");
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    JsonNode body = res.json();
    assertThat(body.get("inherited").asBoolean()).isTrue();
    assertThat(body.at("/rules/firstReplyMinutes").asDouble()).isEqualTo(240.0);
    assertThat(body.at("/rules/longestWaitMinutes").asDouble()).isEqualTo(1440.0);
    assertThat(body.at("/rules/handleTimeMinutes").asDouble()).isEqualTo(6.0);
    assertThat(body.at("/rules/maxReopens").asInt()).isZero();
    assertThat(body.at("/rules/processRules")).isEmpty();
    assertThat(body.get("ruleSetVersion").asText())
        .isEqualTo(admin.get("/api/v1/autoqa/status").json().get("ruleSetVersion").asText());
    assertThat(admin.get("/api/v1/autoqa/teams/nope/rules").status()).isEqualTo(404);
  }

  @Test
  void invalidRulesAreRejectedNamingTheField() {
    var badRegex =
        admin.put(
            "/api/v1/autoqa/teams/" + teamA + "/rules",
            rules(
                60, Map.of("name", "refund-approved", "regex", "approved (by", "required", true)));
    assertThat(badRegex.status()).as(badRegex.toString()).isEqualTo(400);
    assertThat(badRegex.contentType()).startsWith("application/problem+json");
    assertThat(badRegex.json().get("field").asText()).isEqualTo("/processRules/0/regex");

    var badName =
        admin.put(
            "/api/v1/autoqa/teams/" + teamA + "/rules",
            rules(
                60,
                Map.of("name", "Refund Approved", "keywords", List.of("ok"), "required", true)));
    assertThat(badName.json().get("field").asText()).isEqualTo("/processRules/0/name");
    var nothingToMatch =
        admin.put(
            "/api/v1/autoqa/teams/" + teamA + "/rules",
            rules(60, Map.of("name", "empty", "required", true)));
    assertThat(nothingToMatch.json().get("field").asText()).isEqualTo("/processRules/0/keywords");
    var negative = admin.put("/api/v1/autoqa/teams/" + teamA + "/rules", rules(-5, IDENTITY));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.json().get("field").asText()).isEqualTo("/longestWaitMinutes");
    var twoWords =
        admin.put(
            "/api/v1/autoqa/teams/" + teamA + "/rules",
            Map.of("dictionary", List.of("Zentrixa", "Acme Pay")));
    assertThat(twoWords.json().get("field").asText()).isEqualTo("/dictionary/1");
    var unknownField = admin.put("/api/v1/autoqa/teams/" + teamA + "/rules", Map.of("slaHours", 4));
    assertThat(unknownField.status()).isEqualTo(400);
    // nothing was stored
    assertThat(
            admin
                .get("/api/v1/autoqa/teams/" + teamA + "/rules")
                .json()
                .get("inherited")
                .asBoolean())
        .isTrue();
  }

  @Test
  void leadsAndManagersChangeTheirOwnTeamsOnly() {
    Api leadOfB = app.as(Role.QC_LEAD, null, List.of(teamB));
    Api managerOfB = app.as(Role.MANAGER, null, List.of(teamB));
    Api qc = app.as(Role.QC);
    String a = "/api/v1/autoqa/teams/" + teamA + "/rules";
    String b = "/api/v1/autoqa/teams/" + teamB + "/rules";
    assertThat(leadOfB.put(a, rules(60, IDENTITY)).status()).isEqualTo(403);
    assertThat(leadOfB.get(a).status()).isEqualTo(403);
    assertThat(managerOfB.put(a, rules(60, IDENTITY)).status()).isEqualTo(403);
    assertThat(qc.get(a).status()).isEqualTo(403);
    assertThat(app.as(Role.AGENT).put(a, rules(60, IDENTITY)).status()).isEqualTo(403);
    var own = leadOfB.put(b, rules(60, IDENTITY));
    assertThat(own.status()).as(own.toString()).isEqualTo(200);
    assertThat(managerOfB.get(b).json().get("inherited").asBoolean()).isFalse();
    assertThat(admin.get(a).json().get("inherited").asBoolean()).isTrue();
  }

  @Test
  void aChangeIsAuditedAndReScoresExactlyTheTeamsTickets() {
    AutoQaWorker worker = app.app().autoQa().worker();
    assertThat(worker.runOnce(100)).isEqualTo(3);
    String defaults = version(ticketA);
    assertThat(check(ticketA, "longest_wait").get("pass").asBoolean()).isTrue();
    assertThat(check(ticketA, "process:identity-verified")).isNull();

    Api leadOfA = app.as(Role.QC_LEAD, null, List.of(teamA));
    var saved = leadOfA.put("/api/v1/autoqa/teams/" + teamA + "/rules", rules(60, IDENTITY));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.json().get("inherited").asBoolean()).isFalse();
    assertThat(saved.json().at("/rules/longestWaitMinutes").asDouble()).isEqualTo(60.0);
    assertThat(saved.json().at("/rules/dictionary/0").asText()).isEqualTo("Zentrixa");
    assertThat(saved.json().at("/rules/processRules/0/keywords/0").asText())
        .isEqualTo("identity verified");
    String teamAVersion = saved.json().get("ruleSetVersion").asText();
    assertThat(teamAVersion).isNotEqualTo(defaults);
    assertThat(admin.get("/api/v1/autoqa/teams/" + teamA + "/rules").json())
        .isEqualTo(saved.json());

    long audited =
        app.c()
            .db()
            .read(
                h ->
                    h.createQuery(
                            """
                            SELECT COUNT(*) FROM audit_events WHERE action = 'autoqa_team_rules.update'
                              AND entity_id = ? AND before_json LIKE '%"inherited":true%'
                              AND after_json LIKE '%identity-verified%'""")
                        .bind(0, teamA)
                        .mapTo(Long.class)
                        .one());
    assertThat(audited).isEqualTo(1);

    // the team's ticket and the one its agent answered for team B are due again; team B's is not
    assertThat(worker.runOnce(100)).isEqualTo(2);
    assertThat(worker.runOnce(100)).isZero();
    for (String t : List.of(ticketA, crossTicket)) {
      assertThat(version(t)).isEqualTo(teamAVersion);
      JsonNode wait = check(t, "longest_wait");
      assertThat(wait.get("value").asDouble()).isEqualTo(180.0);
      assertThat(wait.get("target").asDouble()).isEqualTo(60.0);
      assertThat(wait.get("pass").asBoolean()).isFalse();
      JsonNode process = check(t, "process:identity-verified");
      assertThat(process.get("pass").asBoolean()).isTrue();
      assertThat(process.at("/evidence/0/excerpt").asText()).isEqualTo("Identity verified");
    }
    assertThat(version(ticketB)).isEqualTo(defaults);
    assertThat(check(ticketB, "longest_wait").get("pass").asBoolean()).isTrue();
    assertThat(coverage()).isEqualTo(1.0);

    // a second team with rules of its own; the same rules again change nothing
    admin.put("/api/v1/autoqa/teams/" + teamB + "/rules", rules(240, IDENTITY));
    assertThat(coverage()).isLessThan(1.0);
    assertThat(worker.runOnce(100)).isEqualTo(1);
    assertThat(check(ticketB, "longest_wait").get("target").asDouble()).isEqualTo(240.0);
    leadOfA.put("/api/v1/autoqa/teams/" + teamA + "/rules", rules(60, IDENTITY));
    assertThat(worker.runOnce(100)).isZero();
    assertThat(coverage()).isEqualTo(1.0);
  }

  double coverage() {
    return admin.get("/api/v1/autoqa/status").json().at("/coverage/0/coverage").asDouble();
  }
}
