package io.qccompanion.server.workflows;

import static io.qccompanion.server.workflows.WorkflowFixture.answers;
import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document × anonymous, each role, team-scoped variants and a second
 * agent: the role gate must answer exactly as {@link #MATRIX} says, and nobody gets a 5xx. Then
 * object-level cases: other teams' ids, other agents' records, blind grades before submit and
 * before reveal. An operation without a matrix entry fails the test, so a new route needs a
 * decision here.
 */
class AuthorizationMatrixTest {
  private static final Set<Role> ANY = EnumSet.allOf(Role.class);
  private static final Set<Role> STAFF =
      EnumSet.of(Role.ADMIN, Role.MANAGER, Role.QC_LEAD, Role.QC);
  private static final Set<Role> GRADERS = EnumSet.of(Role.ADMIN, Role.QC_LEAD, Role.QC);
  private static final Set<Role> COACHES = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.QC_LEAD);
  private static final Set<Role> LEADS = EnumSet.of(Role.ADMIN, Role.QC_LEAD);
  private static final Set<Role> ADMIN_MANAGER = EnumSet.of(Role.ADMIN, Role.MANAGER);
  private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
  private static final Set<Role> AGENT = EnumSet.of(Role.AGENT);

  /** No role gate: the route authenticates its own way (login, host tokens, signatures). */
  private static final Set<Role> PUBLIC = EnumSet.noneOf(Role.class);

  /** Operation → the roles its gate admits (read by MaxLengthTest to pick a caller). */
  static final Map<String, Set<Role>> MATRIX = new LinkedHashMap<>();

  private static void allow(String operation, Set<Role> roles) {
    if (MATRIX.put(operation, roles) != null)
      throw new IllegalStateException("twice in the matrix: " + operation);
  }

  static {
    // added with the grading-loop, manager, connector and AutoQA routes
    allow("GET /api/v1/users/{id}/host-identities", ADMIN);
    allow("GET /api/v1/agents/duplicates", ADMIN);
    allow("PATCH /api/v1/agents/{id}", ADMIN);
    allow("POST /api/v1/agents/{id}/links", ADMIN);
    allow("DELETE /api/v1/agents/{id}/identities/{connectionId}/{hostId}", ADMIN);
    allow("PATCH /api/v1/teams/{id}", ADMIN);
    allow("GET /api/v1/people", STAFF);
    allow("GET /api/v1/retention/last-run", ADMIN);
    allow("GET /api/v1/tickets/{id}/messages", GRADERS);
    allow("GET /api/v1/disputes/inbox", COACHES);
    allow("GET /api/v1/connectors", ADMIN);
    allow("POST /api/v1/connections/{id}/start", ADMIN);
    allow("POST /api/v1/action-plans/{id}/acknowledge", AGENT);
    allow("GET /api/v1/self-reviews/candidates", AGENT);
    allow("GET /api/v1/self-reviews/scorecard", AGENT);
    allow("GET /api/v1/notifications", ANY);
    allow("GET /api/v1/notifications/unread-count", ANY);
    allow("POST /api/v1/notifications/read-all", ANY);
    allow("GET /api/v1/notifications/preferences", ANY);
    allow("PUT /api/v1/notifications/preferences", ANY);
    allow("POST /api/v1/notifications/{id}/read", ANY);
    allow("GET /api/v1/calibrations", STAFF);
    allow("GET /api/v1/calibrations/graders", LEADS);
    allow("GET /api/v1/calibrations/candidates", LEADS);
    allow("GET /api/v1/autoqa/status", STAFF);
    allow("GET /api/v1/autoqa/bindings/{versionId}", STAFF);
    allow("PUT /api/v1/autoqa/bindings/{versionId}", ADMIN);
    allow("GET /api/v1/tickets/{id}/auto-evaluation", STAFF);
    allow("GET /api/v1/tickets/{id}/suggestions", GRADERS);
    allow("GET /api/v1/autoqa/overrides", STAFF);
    allow("GET /api/v1/autoqa/teams/{teamId}/rules", COACHES); // and within the caller's teams
    allow("PUT /api/v1/autoqa/teams/{teamId}/rules", COACHES);
    allow("GET /api/v1/audit-pack/clauses", ADMIN_MANAGER);
    allow("PUT /api/v1/audit-pack/clauses/{kind}", ADMIN);
    allow("GET /api/v1/feedback/summary", ANY);
    allow("GET /api/v1/targets/{teamId}/history", STAFF);
    allow("GET /api/v1/queue/next", GRADERS);
    allow("GET /api/v1/summaries/weighted-quality", COACHES);
    allow("POST /api/v1/evaluations/{id}/revise", GRADERS);
    allow("GET /health", PUBLIC);
    allow("GET /ready", PUBLIC);
    allow("GET /metrics", PUBLIC); // own token (QC_METRICS_TOKEN) or bind address
    allow("GET /api/v1/openapi.json", PUBLIC);
    allow("POST /api/v1/auth/login", PUBLIC);
    allow("POST /api/v1/auth/logout", ANY);
    allow("POST /api/v1/host-sessions/{connectionId}", PUBLIC);
    allow("POST /api/v1/webhooks/{connectionId}", PUBLIC);
    allow("GET /api/v1/panel/{host}", PUBLIC); // host panel token
    allow("GET /api/v1/me", ANY);
    allow("GET /api/v1/me/tokens", ANY);
    allow("POST /api/v1/me/tokens", ANY);
    allow("DELETE /api/v1/me/tokens/{id}", ANY);
    allow("GET /api/v1/users", ADMIN);
    allow("POST /api/v1/users", ADMIN);
    allow("PATCH /api/v1/users/{id}", ADMIN);
    allow("PUT /api/v1/users/{id}/host-identities", ADMIN);
    allow("GET /api/v1/teams", STAFF);
    allow("POST /api/v1/teams", ADMIN);
    allow("GET /api/v1/agents", STAFF);
    allow("POST /api/v1/agents", ADMIN);
    allow("GET /api/v1/agents/{id}/tier", STAFF);
    allow("GET /api/v1/connections", ADMIN);
    allow("POST /api/v1/connections", ADMIN);
    allow("GET /api/v1/connections/{id}", ADMIN);
    allow("PATCH /api/v1/connections/{id}", ADMIN);
    allow("DELETE /api/v1/connections/{id}", ADMIN);
    allow("POST /api/v1/connections/{id}/pause", ADMIN);
    allow("POST /api/v1/connections/{id}/resume", ADMIN);
    allow("POST /api/v1/connections/{id}/sync", ADMIN);
    allow("POST /api/v1/connections/{id}/test", ADMIN);
    allow("GET /api/v1/connections/{id}/host-login", ADMIN);
    allow("PUT /api/v1/connections/{id}/host-login", ADMIN);
    allow("GET /api/v1/scorecards", STAFF);
    allow("POST /api/v1/scorecards", ADMIN);
    allow("GET /api/v1/scorecards/{id}", STAFF);
    allow("PUT /api/v1/scorecards/{id}", ADMIN);
    allow("POST /api/v1/scorecards/{id}/archive", ADMIN);
    allow("POST /api/v1/scorecards/{id}/publish", ADMIN);
    allow("GET /api/v1/scorecard-versions/{id}", ANY);
    allow("GET /api/v1/evaluations", ANY);
    allow("POST /api/v1/evaluations", GRADERS);
    allow("GET /api/v1/evaluations/{id}", ANY);
    allow("PATCH /api/v1/evaluations/{id}", GRADERS);
    allow("POST /api/v1/evaluations/{id}/submit", GRADERS);
    allow("GET /api/v1/evaluations/{id}/revisions", ANY);
    allow("GET /api/v1/queue", GRADERS);
    allow("GET /api/v1/samples", STAFF);
    allow("POST /api/v1/samples", GRADERS);
    allow("POST /api/v1/samples/{id}/replace", GRADERS);
    allow("GET /api/v1/sampling/policies", STAFF);
    allow("PUT /api/v1/sampling/policies", ADMIN);
    allow("GET /api/v1/sampling/policies/{teamId}", STAFF);
    allow("PUT /api/v1/sampling/policies/{teamId}", ADMIN);
    allow("POST /api/v1/sampling/run", ADMIN);
    allow("POST /api/v1/sampling/preview", ADMIN);
    allow("GET /api/v1/sampling/replacements", STAFF);
    allow("GET /api/v1/feedback", ANY);
    allow("POST /api/v1/feedback/acknowledgements", AGENT);
    allow("POST /api/v1/feedback/responses", AGENT);
    allow("GET /api/v1/disputes", ANY);
    allow("POST /api/v1/disputes", AGENT);
    allow("GET /api/v1/disputes/rules", ANY);
    allow("PUT /api/v1/disputes/rules", ADMIN);
    allow("GET /api/v1/disputes/{id}", ANY);
    allow("POST /api/v1/disputes/{id}/resolve", LEADS);
    allow("POST /api/v1/calibrations", LEADS);
    allow("GET /api/v1/calibrations/report", COACHES);
    allow("GET /api/v1/calibrations/{id}", STAFF);
    allow("GET /api/v1/calibrations/{id}/grades", STAFF);
    allow("POST /api/v1/calibrations/{id}/reveal", LEADS);
    allow("PUT /api/v1/calibrations/{id}/benchmarks/{ticketId}", LEADS);
    allow("GET /api/v1/calibrations/{id}/report", STAFF);
    allow("GET /api/v1/reports/grader-consistency", COACHES);
    allow("GET /api/v1/compliance/escalations", COACHES);
    allow("POST /api/v1/compliance/escalations", COACHES);
    allow("GET /api/v1/compliance/escalations/export", COACHES);
    allow("POST /api/v1/compliance/escalations/sweep", LEADS);
    allow("GET /api/v1/compliance/escalations/{id}", COACHES);
    allow("PATCH /api/v1/compliance/escalations/{id}", COACHES);
    allow("GET /api/v1/coaching/sessions", ANY);
    allow("GET /api/v1/coaching/criteria", COACHES);
    allow("POST /api/v1/coaching/sessions", COACHES);
    allow("POST /api/v1/coaching/sessions/{id}/acknowledge", AGENT);
    allow("GET /api/v1/action-plans", ANY);
    allow("POST /api/v1/action-plans", COACHES);
    allow("POST /api/v1/action-plans/reviews/run", COACHES);
    allow("GET /api/v1/action-plans/{id}", ANY);
    allow("POST /api/v1/action-plans/{id}/review", COACHES);
    allow("GET /api/v1/training", ANY);
    allow("POST /api/v1/training", COACHES);
    allow("POST /api/v1/training/{id}/complete", ANY);
    allow("POST /api/v1/training/{id}/review", COACHES);
    allow("POST /api/v1/self-reviews", AGENT);
    allow("GET /api/v1/self-reviews/{id}", ANY);
    allow("GET /api/v1/audit", ADMIN);
    allow("GET /api/v1/audit/export", ADMIN);
    allow("GET /api/v1/audit-pack", ADMIN_MANAGER);
    allow("GET /api/v1/retention/settings", ADMIN);
    allow("PUT /api/v1/retention/settings", ADMIN);
    allow("POST /api/v1/retention/run", ADMIN);
    allow("GET /api/v1/summaries", ANY);
    allow("GET /api/v1/summaries/evaluations", ANY);
    allow("GET /api/v1/targets", STAFF);
    allow("GET /api/v1/targets/{teamId}", STAFF);
    allow("PUT /api/v1/targets/{teamId}", ADMIN_MANAGER);
    allow("GET /api/v1/production", ANY);
    allow("GET /api/v1/production/exceptions", STAFF);
    allow("POST /api/v1/production/exceptions", ADMIN_MANAGER);
    allow("PATCH /api/v1/production/exceptions/{id}", ADMIN_MANAGER);
    allow("DELETE /api/v1/production/exceptions/{id}", ADMIN_MANAGER);
  }

  private record Caller(String name, Role role, Api api) {}

  static TestApp app;
  static WorkflowFixture teamA;
  static WorkflowFixture teamB;
  static List<Caller> callers = new ArrayList<>();
  static Api qcA1;
  static Api qcA2;
  static Api agentA;
  static Api agentB;
  static Api managerOfB;
  static Api leadOfB;
  static Api qcOfB;
  static String agentIdA;
  static String evaluationA;
  static String disputeA;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    teamA = new WorkflowFixture(app);
    teamB = new WorkflowFixture(app);
    agentIdA = teamA.agent("Ana");
    String agentIdB = teamA.agent("Ben");
    qcA1 = app.as(Role.QC);
    qcA2 = app.as(Role.QC);
    agentA = app.as(Role.AGENT, agentIdA, List.of());
    agentB = app.as(Role.AGENT, agentIdB, List.of());
    managerOfB = app.as(Role.MANAGER, null, List.of(teamB.teamId));
    leadOfB = app.as(Role.QC_LEAD, null, List.of(teamB.teamId));
    qcOfB = app.as(Role.QC, null, List.of(teamB.teamId));
    callers.add(new Caller("admin", Role.ADMIN, app.as(Role.ADMIN)));
    callers.add(new Caller("manager", Role.MANAGER, app.as(Role.MANAGER)));
    callers.add(new Caller("manager of team B", Role.MANAGER, managerOfB));
    callers.add(new Caller("lead", Role.QC_LEAD, app.as(Role.QC_LEAD)));
    callers.add(new Caller("lead of team B", Role.QC_LEAD, leadOfB));
    callers.add(new Caller("qc", Role.QC, qcA1));
    callers.add(new Caller("qc of team B", Role.QC, qcOfB));
    callers.add(new Caller("agent", Role.AGENT, agentA));
    callers.add(new Caller("second agent", Role.AGENT, agentB));
    evaluationA = teamA.evaluate(qcA1, teamA.ticket(agentIdA), "REGULAR", answers(0, 3, 1));
    var dispute =
        agentA.post(
            "/api/v1/disputes",
            Map.of("evaluationId", evaluationA, "criterionId", "greeting", "reason", "unfair"));
    assertThat(dispute.status()).as(dispute.text()).isEqualTo(201);
    disputeA = dispute.json().get("id").asText();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void everyDocumentedOperationAnswersItsRoleGate() {
    Set<String> documented = new TreeSet<>();
    app.anonymous()
        .get("/api/v1/openapi.json")
        .json()
        .get("paths")
        .fields()
        .forEachRemaining(
            p ->
                p.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        verb -> documented.add(verb.toUpperCase(Locale.ROOT) + " " + p.getKey())));
    assertThat(documented).as("operations without a matrix entry").isSubsetOf(MATRIX.keySet());
    assertThat(MATRIX.keySet())
        .as("matrix entries for undocumented operations")
        .isSubsetOf(documented);

    List<String> violations = new ArrayList<>();
    int requests = 0;
    for (String operation : documented) {
      Set<Role> allowed = MATRIX.get(operation);
      String method = operation.substring(0, operation.indexOf(' '));
      String path =
          operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "matrix-none");
      String body = Set.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
      // anonymous
      var anon = app.anonymous().send(method, path, body, Map.of());
      requests++;
      if (anon.status() >= 500) violations.add("anonymous " + operation + " → " + anon);
      if (allowed != PUBLIC && anon.status() != 401)
        violations.add("anonymous " + operation + " → " + anon.status() + ", expected 401");
      for (Caller c : callers) {
        var a = c.api().send(method, path, body, Map.of());
        requests++;
        boolean gated = a.status() == 403 && a.text().contains("may not");
        if (a.status() >= 500) violations.add(c.name() + " " + operation + " → " + a);
        else if (allowed == PUBLIC) continue;
        else if (allowed.contains(c.role()) && (gated || a.status() == 401))
          violations.add(c.name() + " " + operation + " refused: " + a);
        else if (!allowed.contains(c.role()) && !gated)
          violations.add(
              c.name() + " " + operation + " → " + a.status() + ", expected the gate's 403");
      }
    }
    System.out.printf(
        "authorization matrix: %d operations x %d principals = %d requests, %d violations%n",
        documented.size(), callers.size() + 1, requests, violations.size());
    assertThat(violations).isEmpty();
  }

  /** Object-level cases: the gate admits the role, the object is someone else's. */
  @Test
  void objectsOfOtherTeamsAgentsAndBlindGradersStayHidden() {
    List<String> violations = new ArrayList<>();
    String summaryA = "/api/v1/summaries/evaluations?from=2026-01-01&to=2026-12-31";
    int[] requests = {0};
    record Case(String who, Api api, String method, String path, String body, Set<Integer> ok) {}
    List<Case> cases = new ArrayList<>();
    String ev = "/api/v1/evaluations/" + evaluationA;
    Set<Integer> hidden = Set.of(403, 404);
    for (var who :
        Map.of(
                "manager of team B",
                managerOfB,
                "lead of team B",
                leadOfB,
                "qc of team B",
                qcOfB,
                "second agent",
                agentB,
                "qc who has not graded",
                qcA2)
            .entrySet()) {
      cases.add(new Case(who.getKey(), who.getValue(), "GET", ev, null, hidden));
      cases.add(new Case(who.getKey(), who.getValue(), "GET", ev + "/revisions", null, hidden));
      cases.add(
          new Case(
              who.getKey(),
              who.getValue(),
              "GET",
              "/api/v1/feedback?evaluationId=" + evaluationA,
              null,
              hidden));
      cases.add(
          new Case(
              who.getKey(), who.getValue(), "GET", "/api/v1/disputes/" + disputeA, null, hidden));
    }
    cases.add(
        new Case(
            "second agent",
            agentB,
            "POST",
            "/api/v1/feedback/acknowledgements",
            "{\"evaluationId\":\"" + evaluationA + "\"}",
            Set.of(403, 404)));
    cases.add(
        new Case(
            "second agent",
            agentB,
            "POST",
            "/api/v1/disputes",
            "{\"evaluationId\":\""
                + evaluationA
                + "\",\"criterionId\":\"greeting\",\"reason\":\"x\"}",
            Set.of(403, 404)));
    cases.add(
        new Case(
            "second agent",
            agentB,
            "GET",
            "/api/v1/summaries?agentId=" + agentIdA,
            null,
            Set.of(403)));
    cases.add(
        new Case(
            "manager of team B",
            managerOfB,
            "GET",
            "/api/v1/summaries?teamId=" + teamA.teamId,
            null,
            Set.of(403)));
    cases.add(
        new Case(
            "manager of team B",
            managerOfB,
            "GET",
            "/api/v1/summaries?agentId=" + agentIdA,
            null,
            Set.of(403)));
    cases.add(
        new Case(
            "lead of team B",
            leadOfB,
            "POST",
            "/api/v1/disputes/" + disputeA + "/resolve",
            "{\"outcome\":\"UPHELD\",\"explanation\":\"x\"}",
            hidden));
    cases.add(
        new Case(
            "lead of team B",
            leadOfB,
            "POST",
            "/api/v1/evaluations",
            "{\"ticketId\":\"" + teamA.ticket(agentIdA) + "\"}",
            Set.of(403)));
    cases.add(
        new Case(
            "manager of team B",
            managerOfB,
            "PUT",
            "/api/v1/targets/" + teamA.teamId,
            "{}",
            Set.of(403, 404)));
    for (var lead : Map.of("manager of team B", managerOfB, "lead of team B", leadOfB).entrySet())
      for (String method : List.of("GET", "PUT"))
        cases.add(
            new Case(
                lead.getKey(),
                lead.getValue(),
                method,
                "/api/v1/autoqa/teams/" + teamA.teamId + "/rules",
                method.equals("PUT") ? "{\"maxReopens\":5}" : null,
                Set.of(403)));
    for (Case c : cases) {
      var a = c.api().send(c.method(), c.path(), c.body(), Map.of());
      requests[0]++;
      if (!c.ok().contains(a.status()))
        violations.add(c.who() + " " + c.method() + " " + c.path() + " → " + a);
    }
    // lists: silently narrowed
    for (var who : List.of(managerOfB, qcOfB, agentB, qcA2)) {
      for (String list : List.of("/api/v1/evaluations", "/api/v1/disputes", summaryA)) {
        var a = who.get(list);
        requests[0]++;
        if (a.status() == 200 && a.text().contains(evaluationA))
          violations.add(
              "list " + list + " shows " + evaluationA + " to " + who.get("/api/v1/me").text());
      }
    }
    System.out.printf(
        "authorization matrix: %d object-level requests, %d violations%n",
        requests[0], violations.size());
    assertThat(violations).isEmpty();
  }
}
