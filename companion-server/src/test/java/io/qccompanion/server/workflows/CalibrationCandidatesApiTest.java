package io.qccompanion.server.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ticket search a lead picks calibration tickets from. */
class CalibrationCandidatesApiTest {
  static TestApp app;
  static WorkflowFixture f;
  static String otherTeam;
  static String ana;
  static String bo;
  static String connection;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    f = new WorkflowFixture(app);
    var c = app.c();
    otherTeam = c.db().write(h -> c.users().createTeam(h, "Returns " + Ids.newId()).id());
    ana = f.agent("Ana Alvarez");
    bo =
        c.db().write(h -> c.users().createAgent(h, "Bo Berg", null, otherTeam, Instant.EPOCH).id());
    connection = Ids.newId();
    c.db()
        .run(
            h ->
                h.execute(
                    """
                    INSERT INTO connections (id, name, host, base_url, auth_kind, secret_enc,
                      closed_statuses, options, start_from, interval_seconds, attribution, status,
                      created_at, updated_at)
                    VALUES (?, 'search-conn', 'jira', 'https://acme.atlassian.test', 'TOKEN', 'x',
                      '[]', '{}', 0, 300, 'LAST_ASSIGNEE', 'ACTIVE', 0, 0)""",
                    connection));
    ticket(
        "z1", "zendesk", "4101", "Charged twice for March", ana, f.teamId, "2026-11-02T10:00:00Z");
    ticket("z2", "zendesk", "4102", "Parcel never arrived", ana, f.teamId, "2026-11-03T10:00:00Z");
    ticket("z3", "zendesk", "4103", "Charged twice again", ana, f.teamId, "2026-11-04T10:00:00Z");
    ticket("j1", "jira", "SUP-7", "Export is empty", ana, f.teamId, "2026-11-05T10:00:00Z");
    ticket("r1", "zendesk", "4104", "Charged for a return", bo, otherTeam, "2026-11-06T10:00:00Z");
    failed("z2", "greeting");
    failed("z2", "closing");
    failed("j1", "closing");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static void ticket(
      String id, String host, String key, String subject, String agent, String team, String at) {
    long solved = Instant.parse(at).toEpochMilli();
    app.c()
        .db()
        .run(
            h ->
                h.execute(
                    """
                    INSERT INTO tickets (id, connection_id, host, external_id, ticket_key, subject,
                      status, channel, agent_id, team_id, updated_at, solved_at, csat_rating,
                      payload, ingested_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'closed', 'email', ?, ?, ?, ?, 'GOOD', '{}', ?)""",
                    id,
                    host.equals("jira") ? connection : connectionOf(),
                    host,
                    key.replace("SUP-", "100"),
                    host.equals("jira") ? key : "#" + key,
                    subject,
                    agent,
                    team,
                    solved,
                    solved,
                    solved));
  }

  private static String connectionOf() {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery("SELECT id FROM connections WHERE host = 'zendesk'")
                    .mapTo(String.class)
                    .findFirst()
                    .orElseThrow());
  }

  static void failed(String ticket, String check) {
    app.c()
        .db()
        .run(
            h -> {
              h.execute(
                  """
                  INSERT INTO auto_evaluations (ticket_id, ticket_updated_at, rule_set_version,
                    status, scored_at)
                  VALUES (?, 0, 'test', 'SCORED', 0) ON CONFLICT (ticket_id) DO NOTHING""",
                  ticket);
              h.execute(
                  "INSERT INTO auto_check_results (ticket_id, check_id, value, pass, confidence)"
                      + " VALUES (?, ?, 0, 0, 1)",
                  ticket,
                  check);
            });
  }

  static List<String> ids(Api api, String query) {
    var res = api.get("/api/v1/calibrations/candidates" + query);
    assertThat(res.status()).as(res.text()).isEqualTo(200);
    return StreamSupport.stream(res.json().get("items").spliterator(), false)
        .map(t -> t.get("id").asText())
        .toList();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void findsClosedTicketsBySubjectKeyAgentTeamHostDateAndAutoQaFinding() {
    Api lead = app.as(Role.QC_LEAD);
    assertThat(ids(lead, "")).containsExactly("r1", "j1", "z3", "z2", "z1");
    assertThat(ids(lead, "?q=" + enc("charged TWICE"))).containsExactly("z3", "z1");
    assertThat(ids(lead, "?q=" + enc("#4102"))).containsExactly("z2");
    assertThat(ids(lead, "?q=sup-7")).containsExactly("j1");
    assertThat(ids(lead, "?q=" + enc("50%"))).isEmpty();
    assertThat(ids(lead, "?agentId=" + bo)).containsExactly("r1");
    assertThat(ids(lead, "?teamId=" + f.teamId + "&host=zendesk"))
        .containsExactly("z3", "z2", "z1");
    assertThat(ids(lead, "?solvedFrom=2026-11-03&solvedTo=2026-11-04")).containsExactly("z3", "z2");
    assertThat(ids(lead, "?autoqaFailed=closing")).containsExactly("j1", "z2");
    assertThat(ids(lead, "?autoqaFailed=greeting&q=parcel")).containsExactly("z2");

    JsonNode z2 = lead.get("/api/v1/calibrations/candidates?q=parcel").json().get("items").get(0);
    assertThat(z2.get("key").asText()).isEqualTo("#4102");
    assertThat(z2.get("agentName").asText()).isEqualTo("Ana Alvarez");
    assertThat(z2.get("autoqaFailed"))
        .extracting(JsonNode::asText)
        .containsExactly("closing", "greeting");
  }

  @Test
  void pagesThroughEveryTicketOnceNewestFirst() {
    Api lead = app.as(Role.QC_LEAD);
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          lead.get(
                  "/api/v1/calibrations/candidates?limit=2"
                      + (cursor == null ? "" : "&cursor=" + enc(cursor)))
              .json();
      page.get("items").forEach(t -> seen.add(t.get("id").asText()));
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactly("r1", "j1", "z3", "z2", "z1");
  }

  @Test
  void aScopedLeadSeesOnlyTheirTeams() {
    Api scoped = app.as(Role.QC_LEAD, null, List.of(f.teamId));
    assertThat(ids(scoped, "?q=charged")).containsExactly("z3", "z1");
    var outside = scoped.get("/api/v1/calibrations/candidates?teamId=" + otherTeam);
    assertThat(outside.status()).isEqualTo(403);
    assertThat(app.as(Role.QC).get("/api/v1/calibrations/candidates").status()).isEqualTo(403);
  }

  @Test
  void badFiltersAreProblemsNamingTheParameter() {
    Api lead = app.as(Role.QC_LEAD);
    for (String q :
        List.of(
            "?solvedFrom=yesterday",
            "?solvedFrom=2026-11-05&solvedTo=2026-11-01",
            "?host=" + enc("Zen desk"),
            "?autoqaFailed=" + enc("DROP TABLE"),
            "?q=" + "x".repeat(201),
            "?limit=0")) {
      var res = lead.get("/api/v1/calibrations/candidates" + q);
      assertThat(res.status()).as(q + " " + res.text()).isEqualTo(400);
      assertThat(res.contentType()).startsWith("application/problem+json");
    }
  }
}
