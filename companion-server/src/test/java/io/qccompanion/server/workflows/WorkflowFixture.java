package io.qccompanion.server.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.scorecards.Criterion;
import io.qccompanion.server.scorecards.Scale;
import io.qccompanion.server.scorecards.ScorecardDraft;
import io.qccompanion.server.scorecards.Section;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.List;
import java.util.Map;

/**
 * Data the workflow tests share: one team, agents, a connection, a published scorecard with a
 * binary criterion "greeting", a 1-5 criterion "tone" and a critical binary criterion "privacy".
 */
final class WorkflowFixture {
  final TestApp app;
  final String teamId;
  final String versionId;
  private final String connectionId;

  WorkflowFixture(TestApp app) {
    this.app = app;
    var c = app.c();
    this.teamId = c.db().write(h -> c.users().createTeam(h, "Team " + Ids.newId()).id());
    this.connectionId = Ids.newId();
    c.db()
        .write(
            h ->
                h.execute(
                    """
                    INSERT INTO connections (id, name, host, base_url, auth_kind, secret_enc,
                      closed_statuses, options, start_from, interval_seconds, attribution, status,
                      created_at, updated_at)
                    VALUES (?, ?, 'zendesk', 'https://acme.zendesk.test', 'TOKEN', 'x', '[]', '{}',
                      0, 300, 'LAST_ASSIGNEE', 'ACTIVE', 0, 0)
                    """,
                    connectionId,
                    "conn-" + connectionId));
    var draft =
        new ScorecardDraft(
            "Support",
            null,
            teamId,
            null,
            null,
            true,
            80.0,
            List.of(
                new Section(
                    "Basics",
                    List.of(
                        new Criterion(
                            "greeting",
                            "Greeting",
                            null,
                            Scale.BINARY,
                            null,
                            1.0,
                            false,
                            false,
                            false,
                            null),
                        new Criterion(
                            "tone",
                            "Tone",
                            null,
                            Scale.ONE_TO_FIVE,
                            null,
                            1.0,
                            false,
                            false,
                            false,
                            null),
                        new Criterion(
                            "privacy",
                            "Privacy",
                            null,
                            Scale.BINARY,
                            null,
                            1.0,
                            false,
                            true,
                            false,
                            null)))));
    this.versionId =
        c.db()
            .write(
                h -> {
                  var card = c.scorecards().create(h, draft, null);
                  return c.scorecards().publish(h, card.id(), null).id();
                });
  }

  String agent(String name) {
    var c = app.c();
    return c.db()
        .write(h -> c.users().createAgent(h, name, null, teamId, app.clock().instant()).id());
  }

  String ticket(String agentId) {
    return ticket(agentId, connectionId);
  }

  String connectionId() {
    return connectionId;
  }

  /** Another connection (a second host); returns its id. */
  String connection(String host) {
    String id = Ids.newId();
    app.c()
        .db()
        .write(
            h ->
                h.execute(
                    """
                    INSERT INTO connections (id, name, host, base_url, auth_kind, secret_enc,
                      closed_statuses, options, start_from, interval_seconds, attribution, status,
                      created_at, updated_at)
                    VALUES (?, ?, ?, 'https://acme.example.test', 'TOKEN', 'x', '[]', '{}',
                      0, 300, 'ASSIGNEE', 'ACTIVE', 0, 0)
                    """,
                    id,
                    host + "-" + id,
                    host));
    return id;
  }

  String ticket(String agentId, String connectionId) {
    String id = Ids.newId();
    long now = app.clock().millis();
    app.c()
        .db()
        .write(
            h ->
                h.execute(
                    """
                    INSERT INTO tickets (id, connection_id, host, external_id, subject, agent_id,
                      team_id, updated_at, solved_at, csat_rating, payload, ingested_at)
                    VALUES (?, ?, 'zendesk', ?, 'Refund', ?, ?, ?, ?, 'GOOD',
                      '{"tags":[],"conversation":[{"body":"my card number is 4111"}]}', ?)
                    """,
                    id,
                    connectionId,
                    id,
                    agentId,
                    teamId,
                    now,
                    now,
                    now));
    return id;
  }

  static Map<String, Object> answers(double greeting, double tone, double privacy) {
    return Map.of(
        "greeting", Map.of("value", greeting),
        "tone", Map.of("value", tone),
        "privacy", Map.of("value", privacy));
  }

  /** Creates and submits an evaluation as {@code qc}; returns its id. */
  String evaluate(Api qc, String ticketId, String kind, Map<String, Object> answers) {
    var created =
        qc.post(
            "/api/v1/evaluations",
            Map.of(
                "ticketId",
                ticketId,
                "scorecardVersionId",
                versionId,
                "kind",
                kind,
                "answers",
                answers));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().get("id").asText();
    var submitted = qc.post("/api/v1/evaluations/" + id + "/submit", Map.of());
    assertThat(submitted.status()).as(submitted.text()).isEqualTo(200);
    return id;
  }

  static String userId(Api api) {
    return api.get("/api/v1/me").json().get("id").asText();
  }
}
