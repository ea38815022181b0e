package io.qccompanion.server.workflows;

import static io.qccompanion.server.workflows.WorkflowFixture.answers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import io.qccompanion.server.users.UserDirectory;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same person on Zendesk and Jira is one agent once an admin links them, and can be split. */
class AgentLinksApiTest {
  static TestApp app;
  static WorkflowFixture f;
  static Api admin;
  static Api qc;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    f = new WorkflowFixture(app);
    admin = app.as(Role.ADMIN);
    qc = app.as(Role.QC);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static Map<String, Integer> evaluationsByAgent() {
    var rows =
        admin
            .get("/api/v1/summaries?from=2026-11-02&to=2026-11-08&groupBy=agent&teamId=" + f.teamId)
            .json()
            .get("rows");
    Map<String, Integer> out = new HashMap<>();
    for (JsonNode r : rows) out.put(r.get("groupKey").asText(), r.get("evaluations").asInt());
    return out;
  }

  private static JsonNode agent(String id) {
    for (JsonNode a : admin.get("/api/v1/agents").json().get("items"))
      if (a.get("id").asText().equals(id)) return a;
    return null;
  }

  @Test
  void linkingMergesTheAgentsAndUnlinkingSplitsThemAgain() {
    String zendesk = f.agent("Aisha Moreau");
    String jira = f.agent("Aisha Moreau");
    String jiraConnection = f.connection("jira");
    app.c()
        .db()
        .run(
            h -> {
              app.c().users().link(h, f.connectionId(), UserDirectory.AGENT, "z-1", zendesk);
              app.c().users().link(h, jiraConnection, UserDirectory.AGENT, "j-1", jira);
            });
    f.evaluate(qc, f.ticket(zendesk), "REGULAR", answers(1, 5, 1));
    f.evaluate(qc, f.ticket(jira, jiraConnection), "REGULAR", answers(0, 5, 1));
    assertThat(admin.get("/api/v1/agents/duplicates").json().get("items").toString())
        .contains(zendesk, jira);
    assertThat(evaluationsByAgent()).containsEntry(zendesk, 1).containsEntry(jira, 1);

    var linked = admin.post("/api/v1/agents/" + zendesk + "/links", Map.of("agentId", jira));
    assertThat(linked.status()).as(linked.text()).isEqualTo(200);
    assertThat(linked.json().get("hosts")).hasSize(2);
    assertThat(agent(jira)).as("the linked agent no longer lists").isNull();
    assertThat(evaluationsByAgent()).containsEntry(zendesk, 2).doesNotContainKey(jira);

    var split =
        admin.delete("/api/v1/agents/" + zendesk + "/identities/" + jiraConnection + "/j-1");
    assertThat(split.status()).as(split.text()).isEqualTo(201);
    String separate = split.json().get("id").asText();
    assertThat(split.json().get("hosts").get(0).get("host").asText()).isEqualTo("jira");
    assertThat(evaluationsByAgent()).containsEntry(zendesk, 1).containsEntry(separate, 1);
    assertThat(agent(zendesk).get("hosts")).hasSize(1);
    assertThat(
            admin
                .delete("/api/v1/agents/" + zendesk + "/identities/" + f.connectionId() + "/z-1")
                .status())
        .as("the last identity stays")
        .isEqualTo(409);
    assertThat(
            app.as(Role.MANAGER)
                .post("/api/v1/agents/" + zendesk + "/links", Map.of("agentId", separate))
                .status())
        .isEqualTo(403);
  }

  @Test
  void teamsAndAgentsAreRenamed() {
    String agent = f.agent("Old Name");
    var renamed = admin.patch("/api/v1/agents/" + agent, Map.of("name", "New Name"));
    assertThat(renamed.json().get("name").asText()).isEqualTo("New Name");
    var team = admin.post("/api/v1/teams", Map.of("name", "Billing")).json().get("id").asText();
    var t = admin.patch("/api/v1/teams/" + team, Map.of("name", "Billing EMEA"));
    assertThat(t.json().get("name").asText()).isEqualTo("Billing EMEA");
    assertThat(
            admin.patch("/api/v1/teams/" + team, Map.of("name", "")).json().get("field").asText())
        .isEqualTo("/name");
  }
}
