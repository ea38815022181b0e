package io.qccompanion.server.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SamplingApiTest {
  static TestApp app;
  static SamplingFixture fx;
  static Api admin;
  static Api qc;
  static Api agentUser;
  static Instant now;
  static int weekOffset;
  static int evalSeq;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    fx = new SamplingFixture(app);
    admin = app.as(Role.ADMIN);
    qc = app.as(Role.QC);
    agentUser = app.as(Role.AGENT, fx.agent(null, Instant.EPOCH), List.of());
    now = app.clock().instant();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** A team with a policy: no triggers, no quotas, small windows; {@code extra} overrides. */
  static String teamWithPolicy(Map<String, Object> tiers, Map<String, Object> rates) {
    String team = fx.team();
    var policy =
        Map.of(
            "tiers",
            tiers,
            "rates",
            rates,
            "triggers",
            Map.of("badCsat", false, "reopened", false, "handleTimeSeconds", 0),
            "quota",
            Map.of("minPerWeek", 0, "maxPerWeek", 1000));
    var put = admin.put("/api/v1/sampling/policies/" + team, policy);
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    return team;
  }

  /** A fresh past week (Monday 08:00) no other test uses. */
  static synchronized Instant nextWeek() {
    weekOffset++;
    return Instant.parse("2026-06-01T08:00:00Z").plus(Duration.ofDays(7L * weekOffset));
  }

  static JsonNode run(Instant from, Instant to) {
    var answer =
        admin.post("/api/v1/sampling/run", Map.of("from", from.toString(), "to", to.toString()));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  /** Samples {@code n} new tickets of the agent; returns the selected share. */
  static double sampledShare(String team, String agent, int n) {
    Instant from = nextWeek();
    fx.tickets(n, from, team, agent, "email");
    JsonNode report = run(from, from.plus(Duration.ofDays(1)));
    assertThat(report.get("considered").asInt()).isEqualTo(n);
    return report.get("selected").asDouble() / n;
  }

  static void evaluations(String agent, String team, double score, int count, boolean critical) {
    for (int i = 0; i < count; i++)
      fx.evaluation(
          agent, team, score, critical, now.minus(Duration.ofDays(5)).plusSeconds(60L * ++evalSeq));
  }

  static String tier(String agent) {
    var answer = admin.get("/api/v1/agents/" + agent + "/tier");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json().at("/assessment/tier").asText();
  }

  @Test
  void samplingIsHeavyForNewAgentsDropsWhenProvenRisesWhenAtRiskAndRecovers() {
    String team =
        teamWithPolicy(
            Map.of(
                "newTickets",
                5,
                "newWeeks",
                2,
                "provenWindow",
                5,
                "atRiskWindow",
                3,
                "recoveryCount",
                3),
            Map.of());
    String agent = fx.agent(team, now.minus(Duration.ofDays(21)));

    assertThat(tier(agent)).isEqualTo("NEW");
    assertThat(sampledShare(team, agent, 800)).isCloseTo(0.25, within(0.05));

    evaluations(agent, team, 95, 5, false);
    assertThat(tier(agent)).isEqualTo("PROVEN");
    assertThat(sampledShare(team, agent, 800)).isCloseTo(0.03, within(0.02));

    evaluations(agent, team, 50, 3, false);
    var atRisk = admin.get("/api/v1/agents/" + agent + "/tier").json();
    assertThat(atRisk.at("/assessment/tier").asText()).isEqualTo("AT_RISK");
    assertThat(atRisk.at("/assessment/reasons/0").asText()).startsWith("rolling mean 50.0");
    assertThat(atRisk.at("/assessment/inputs/evaluatedCount").asInt()).isEqualTo(8);
    assertThat(sampledShare(team, agent, 800)).isCloseTo(0.20, within(0.05));

    evaluations(agent, team, 95, 3, false);
    assertThat(tier(agent))
        .as("recovered, but the last 5 are not all at target")
        .isEqualTo("STANDARD");
    assertThat(sampledShare(team, agent, 800)).isCloseTo(0.08, within(0.035));

    evaluations(agent, team, 0, 1, true);
    var critical = admin.get("/api/v1/agents/" + agent + "/tier").json();
    assertThat(critical.at("/assessment/tier").asText()).isEqualTo("AT_RISK");
    assertThat(critical.at("/assessment/reasons").toString()).contains("critical fail");
    assertThat(critical.get("rate").asDouble()).isEqualTo(0.20);
  }

  static TreeSet<String> selectedTickets(String agent) {
    var ids = new TreeSet<String>();
    String cursor = "";
    do {
      var page =
          admin.get("/api/v1/samples?selected=true&limit=100&agentId=" + agent + cursor).json();
      page.get("items").forEach(s -> ids.add(s.get("ticketId").asText()));
      cursor = page.hasNonNull("nextCursor") ? "&cursor=" + page.get("nextCursor").asText() : null;
    } while (cursor != null);
    return ids;
  }

  @Test
  void rerunningIsIdempotentAndADecisionFromScratchPicksTheSameTickets() {
    String team = teamWithPolicy(Map.of(), Map.of("newAgent", 0.3));
    String agent = fx.agent(team, now);
    Instant from = nextWeek();
    fx.tickets(300, from, team, agent, "chat");
    var first = run(from, from.plus(Duration.ofDays(1)));
    assertThat(first.get("considered").asInt()).isEqualTo(300);
    var picked = selectedTickets(agent);
    assertThat(picked).hasSize(first.get("selected").asInt()).isNotEmpty();

    assertThat(run(from, from.plus(Duration.ofDays(1))).get("considered").asInt()).isZero();
    assertThat(selectedTickets(agent)).isEqualTo(picked);

    app.c().db().run(h -> h.execute("DELETE FROM sample_decisions WHERE agent_id = ?", agent));
    run(from, from.plus(Duration.ofDays(1)));
    assertThat(selectedTickets(agent)).isEqualTo(picked);
  }

  @Test
  void triggersAlwaysSampleAndAreNamed() {
    String team = fx.team();
    var policy =
        Map.of(
            "rates", Map.of("newAgent", 0, "standard", 0, "proven", 0, "atRisk", 0),
            "triggers",
                Map.of(
                    "handleTimeSeconds",
                    600,
                    "tags",
                    List.of("legal"),
                    "keywords",
                    List.of("refund")));
    assertThat(admin.put("/api/v1/sampling/policies/" + team, policy).status()).isEqualTo(200);
    String agent = fx.agent(team, now);
    Instant at = nextWeek();
    var plain = SamplingFixture.T.plain();
    String bad =
        fx.ticket(new SamplingFixture.T("Hi", "email", "BAD", 0, 60L, List.of()), at, team, agent);
    String reopened =
        fx.ticket(new SamplingFixture.T("Hi", "email", "GOOD", 1, 60L, List.of()), at, team, agent);
    String slow =
        fx.ticket(
            new SamplingFixture.T("Hi", "email", "GOOD", 0, 900L, List.of()), at, team, agent);
    String tagged =
        fx.ticket(
            new SamplingFixture.T("Hi", "email", "GOOD", 0, 60L, List.of("Legal")),
            at,
            team,
            agent);
    String keyword =
        fx.ticket(
            new SamplingFixture.T("Refund for order 7", "email", "GOOD", 0, 60L, List.of()),
            at,
            team,
            agent);
    String none = fx.ticket(plain, at, team, agent);

    var report = run(at, at.plusSeconds(1));
    assertThat(report.get("considered").asInt()).isEqualTo(6);
    assertThat(report.at("/byReason/TRIGGER:bad_csat").asInt()).isEqualTo(1);
    var reasons = new java.util.HashMap<String, String>();
    admin
        .get("/api/v1/samples?agentId=" + agent)
        .json()
        .get("items")
        .forEach(s -> reasons.put(s.get("ticketId").asText(), s.get("reasons").toString()));
    assertThat(reasons)
        .containsEntry(bad, "[\"TRIGGER:bad_csat\"]")
        .containsEntry(reopened, "[\"TRIGGER:reopened\"]")
        .containsEntry(slow, "[\"TRIGGER:handle_time\"]")
        .containsEntry(tagged, "[\"TRIGGER:tag:legal\"]")
        .containsEntry(keyword, "[\"TRIGGER:keyword:refund\"]")
        .containsEntry(none, "[]");
  }

  @Test
  void weeklyMaximumCapsRandomPicksWhileTriggersStillSample() {
    String team = fx.team();
    var policy =
        Map.of(
            "rates",
            Map.of("newAgent", 1, "standard", 1),
            "quota",
            Map.of("minPerWeek", 0, "maxPerWeek", 3));
    assertThat(admin.put("/api/v1/sampling/policies/" + team, policy).status()).isEqualTo(200);
    String agent = fx.agent(team, now);
    Instant at = nextWeek();
    fx.tickets(10, at, team, agent, "email");
    fx.ticket(
        new SamplingFixture.T("Hi", "email", "BAD", 0, 60L, List.of()),
        at.plus(Duration.ofHours(1)),
        team,
        agent);

    var report = run(at, at.plus(Duration.ofDays(1)));
    assertThat(report.get("selected").asInt()).isEqualTo(4);
    assertThat(report.at("/byReason/RANDOM").asInt()).isEqualTo(3);
    assertThat(report.at("/byReason/TRIGGER:bad_csat").asInt()).isEqualTo(1);
    assertThat(report.get("overMax").asInt()).isEqualTo(1);
    var capped = admin.get("/api/v1/samples?selected=false&agentId=" + agent).json().get("items");
    assertThat(capped).hasSize(7).allMatch(s -> s.get("reasons").toString().equals("[\"CAPPED\"]"));
  }

  /**
   * A team that samples nothing at random and wants 2 to 5 a week, topped up 2 days before the end.
   */
  static String quotaTeam() {
    String team = fx.team();
    var policy =
        Map.of(
            "rates",
            Map.of("newAgent", 0, "standard", 0),
            "quota",
            Map.of("minPerWeek", 2, "maxPerWeek", 5, "topUpDays", 2));
    assertThat(admin.put("/api/v1/sampling/policies/" + team, policy).status()).isEqualTo(200);
    return team;
  }

  @Test
  void agentsUnderTheWeeklyMinimumAreToppedUpNearTheWeeksEnd() {
    String team = quotaTeam();
    String agent = fx.agent(team, now);
    Instant monday = app.clock().instant(); // 2026-11-02T09:00Z, a Monday
    fx.tickets(6, monday.minus(Duration.ofHours(1)), team, agent, "email");
    try {
      var early = run(monday.minus(Duration.ofDays(1)), monday.plus(Duration.ofDays(1)));
      assertThat(early.get("toppedUp").asInt()).as("the week has just begun").isZero();
      app.clock().set(Instant.parse("2026-11-07T06:00:00Z")); // Saturday: within 2 days of the end
      var late = run(monday.minus(Duration.ofDays(1)), monday.plus(Duration.ofDays(1)));
      assertThat(late.get("considered").asInt()).isZero();
      assertThat(late.get("toppedUp").asInt()).isEqualTo(2);
      var picked = admin.get("/api/v1/samples?selected=true&agentId=" + agent).json().get("items");
      assertThat(picked)
          .hasSize(2)
          .allMatch(s -> s.get("reasons").toString().equals("[\"QUOTA_TOPUP\"]"));
      assertThat(run(monday, monday.plusSeconds(1)).get("toppedUp").asInt())
          .as("idempotent")
          .isZero();
    } finally {
      app.clock().set(now);
    }
  }

  @Test
  void theScheduledTopUpRunsInAWeekWithNoNewTickets() {
    String team = quotaTeam();
    String agent = fx.agent(team, now);
    Instant monday = app.clock().instant();
    fx.tickets(4, monday.minus(Duration.ofHours(2)), team, agent, "email");
    try {
      assertThat(
              run(monday.minus(Duration.ofDays(1)), monday.plus(Duration.ofDays(1)))
                  .get("toppedUp")
                  .asInt())
          .isZero();
      app.clock().set(Instant.parse("2026-11-07T07:00:00Z")); // Saturday, no ticket since Monday
      int added = app.c().db().write(h -> app.c().sampling().engine().topUpDue(h));
      var picked = admin.get("/api/v1/samples?selected=true&agentId=" + agent).json().get("items");
      assertThat(picked)
          .hasSize(2)
          .allMatch(s -> s.get("reasons").toString().equals("[\"QUOTA_TOPUP\"]"));
      assertThat(added).isGreaterThanOrEqualTo(2);
      int again = app.c().db().write(h -> app.c().sampling().engine().topUpDue(h));
      assertThat(again).as("idempotent").isZero();
    } finally {
      app.clock().set(now);
    }
  }

  @Test
  void previewShowsWhatAPolicyWouldSelectWithoutStoringIt() {
    String team = teamWithPolicy(Map.of(), Map.of());
    String agent = fx.agent(team, now);
    Instant at = nextWeek();
    fx.tickets(400, at, team, agent, "email");
    var body =
        Map.of(
            "teamId",
            team,
            "from",
            at.toString(),
            "to",
            at.plus(Duration.ofDays(1)).toString(),
            "policy",
            Map.of("rates", Map.of("newAgent", 0.5)));
    var answer = admin.post("/api/v1/sampling/preview", body);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.json().get("pairs").asInt()).isEqualTo(400);
    assertThat(answer.json().get("selectedShare").asDouble()).isCloseTo(0.5, within(0.08));
    assertThat(admin.post("/api/v1/sampling/preview", body).json().get("picks"))
        .isEqualTo(answer.json().get("picks"));
    assertThat(admin.get("/api/v1/samples?agentId=" + agent).json().get("items")).isEmpty();
  }

  @Test
  void invalidPoliciesAreRejectedNamingTheField() {
    record Case(Object body, String field) {}
    var cases =
        List.of(
            new Case(Map.of("rates", Map.of("standard", 1.5)), "/rates/standard"),
            new Case(Map.of("rates", Map.of("proven", -0.1)), "/rates/proven"),
            new Case(Map.of("tiers", Map.of("newTickets", 0)), "/tiers/newTickets"),
            new Case(Map.of("tiers", Map.of("provenWindow", 0)), "/tiers/provenWindow"),
            new Case(Map.of("tiers", Map.of("target", 120)), "/tiers/target"),
            new Case(
                Map.of("quota", Map.of("minPerWeek", 5, "maxPerWeek", 2)), "/quota/minPerWeek"),
            new Case(Map.of("triggers", Map.of("tags", List.of(" "))), "/triggers/tags/0"),
            new Case(Map.of("rates", Map.of("sometimes", 0.5)), "/rates/sometimes"),
            new Case(Map.of("tiers", Map.of("newWeeks", "four")), "/tiers/newWeeks"));
    for (var c : cases) {
      var answer = admin.put("/api/v1/sampling/policies", c.body());
      assertThat(answer.status()).as(c.field()).isEqualTo(400);
      assertThat(answer.json().get("field").asText()).isEqualTo(c.field());
    }
    var preview =
        admin.post(
            "/api/v1/sampling/preview",
            Map.of(
                "from",
                "2026-01-01T00:00:00Z",
                "to",
                "2026-01-02T00:00:00Z",
                "policy",
                Map.of("rates", Map.of("atRisk", 2))));
    assertThat(preview.json().get("field").asText()).isEqualTo("/policy/rates/atRisk");
    var window =
        admin.post(
            "/api/v1/sampling/run",
            Map.of("from", "2026-01-02T00:00:00Z", "to", "2026-01-01T00:00:00Z"));
    assertThat(window.json().get("field").asText()).isEqualTo("/to");
    assertThat(
            admin.get("/api/v1/sampling/policies").json().at("/config/rates/standard").asDouble())
        .isEqualTo(0.08);
  }

  @Test
  void policyChangesAreStoredInheritedAndAudited() {
    String team = fx.team();
    assertThat(admin.get("/api/v1/sampling/policies/" + team).json().get("inherited").asBoolean())
        .isTrue();
    var put =
        admin.put("/api/v1/sampling/policies/" + team, Map.of("quota", Map.of("maxPerWeek", 9)));
    assertThat(put.json().at("/config/quota/maxPerWeek").asInt()).isEqualTo(9);
    assertThat(put.json().at("/config/rates/newAgent").asDouble()).isEqualTo(0.25);
    var read = qc.get("/api/v1/sampling/policies/" + team).json();
    assertThat(read.get("inherited").asBoolean()).isFalse();
    assertThat(read.at("/config/quota/maxPerWeek").asInt()).isEqualTo(9);
    int audits =
        app.c()
            .db()
            .read(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'sampling_policy' AND entity_id = :id")
                        .bind("id", put.json().get("id").asText())
                        .mapTo(Integer.class)
                        .one());
    assertThat(audits).isEqualTo(1);
    assertThat(admin.get("/api/v1/sampling/policies/no-such-team").status()).isEqualTo(404);
  }

  @Test
  void agentsCannotReadQueueOrPoliciesAndQcsCannotChangePolicies() {
    assertThat(agentUser.get("/api/v1/queue").status()).isEqualTo(403);
    assertThat(agentUser.get("/api/v1/sampling/policies").status()).isEqualTo(403);
    assertThat(agentUser.get("/api/v1/samples").status()).isEqualTo(403);
    assertThat(qc.get("/api/v1/sampling/policies").status()).isEqualTo(200);
    assertThat(qc.put("/api/v1/sampling/policies", Map.of()).status()).isEqualTo(403);
    assertThat(
            qc.post(
                    "/api/v1/sampling/run",
                    Map.of("from", "2026-01-01T00:00:00Z", "to", "2026-01-02T00:00:00Z"))
                .status())
        .isEqualTo(403);
    assertThat(app.anonymous().get("/api/v1/queue").status()).isEqualTo(401);
  }

  @Test
  void everyRouteIsInTheOpenApiDocument() {
    JsonNode paths = app.anonymous().get("/api/v1/openapi.json").json().get("paths");
    var expected =
        new ArrayList<String>(
            List.of(
                "get /api/v1/sampling/policies",
                "put /api/v1/sampling/policies",
                "get /api/v1/sampling/policies/{teamId}",
                "put /api/v1/sampling/policies/{teamId}",
                "post /api/v1/sampling/run",
                "post /api/v1/sampling/preview",
                "get /api/v1/sampling/replacements",
                "get /api/v1/agents/{id}/tier",
                "get /api/v1/queue",
                "get /api/v1/samples",
                "post /api/v1/samples",
                "post /api/v1/samples/{id}/replace"));
    for (String op : expected) {
      String[] parts = op.split(" ");
      assertThat(paths.path(parts[1]).has(parts[0])).as(op).isTrue();
    }
  }
}
