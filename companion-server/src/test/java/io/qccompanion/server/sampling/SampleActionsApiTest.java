package io.qccompanion.server.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SampleActionsApiTest {
  static TestApp app;
  static SamplingFixture fx;
  static Api admin;
  static Api qc;
  static String qcId;
  static Api otherQc;
  static Api lead;
  static Instant now;
  static Instant day;
  static String team;
  static String agent;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    fx = new SamplingFixture(app);
    admin = app.as(Role.ADMIN);
    qc = app.as(Role.QC);
    qcId = qc.get("/api/v1/me").json().get("id").asText();
    otherQc = app.as(Role.QC);
    fx.capacity(otherQc.get("/api/v1/me").json().get("id").asText(), 0);
    lead = app.as(Role.QC_LEAD);
    fx.capacity(lead.get("/api/v1/me").json().get("id").asText(), 0);
    now = app.clock().instant();
    day = now.minus(Duration.ofDays(4)); // Thursday of the previous week
    team = teamWithRate(0.5);
    agent = fx.agent(team, now);
    for (int i = 0; i < 20; i++) {
      fx.tickets(1, day.plusSeconds(120L * i), team, agent, "email");
      fx.tickets(1, day.plusSeconds(120L * i + 60), team, agent, "chat");
    }
    var run =
        admin.post(
            "/api/v1/sampling/run",
            Map.of("from", day.toString(), "to", day.plus(Duration.ofDays(1)).toString()));
    assertThat(run.status()).as(run.text()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static String teamWithRate(double rate) {
    String t = fx.team();
    var policy =
        Map.of(
            "rates", Map.of("newAgent", rate, "standard", rate),
            "triggers", Map.of("badCsat", false, "reopened", false, "handleTimeSeconds", 0),
            "quota", Map.of("minPerWeek", 0, "maxPerWeek", 1000));
    assertThat(admin.put("/api/v1/sampling/policies/" + t, policy).status()).isEqualTo(200);
    return t;
  }

  static List<JsonNode> all(Api api, String path) {
    List<JsonNode> out = new ArrayList<>();
    String cursor = null;
    do {
      String sep = path.contains("?") ? "&" : "?";
      var page = api.get(path + (cursor == null ? "" : sep + "cursor=" + cursor)).json();
      page.get("items").forEach(out::add);
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
    } while (cursor != null);
    return out;
  }

  @Test
  void queueListsTheCallersOpenSamplesByDueDateInPages() {
    var items = all(qc, "/api/v1/queue?limit=3&teamId=" + team);
    assertThat(items).isNotEmpty();
    assertThat(items.stream().map(i -> i.get("id").asText()).distinct().count())
        .isEqualTo(items.size());
    assertThat(items).allMatch(i -> i.get("assignedQcId").asText().equals(qcId));
    var dues = items.stream().map(i -> i.get("dueAt").asText()).toList();
    assertThat(dues).isSorted();
    assertThat(qc.get("/api/v1/queue?reason=MANUAL&teamId=" + team).json().get("items")).isEmpty();
    assertThat(otherQc.get("/api/v1/queue").json().get("items")).isEmpty();
    assertThat(qc.get("/api/v1/queue?limit=0").json().get("field").asText()).isEqualTo("limit");
  }

  @Test
  void replacementDrawsFromTheSameStratumAndIsCounted() {
    JsonNode original =
        all(qc, "/api/v1/queue?reason=RANDOM&teamId=" + team).stream()
            .filter(s -> s.get("channel").asText().equals("email"))
            .findFirst()
            .orElseThrow();
    String id = original.get("id").asText();
    assertThat(otherQc.post("/api/v1/samples/" + id + "/replace", Map.of("reason", "x")).status())
        .isEqualTo(403);
    assertThat(qc.post("/api/v1/samples/" + id + "/replace", Map.of()).json().get("field").asText())
        .isEqualTo("/reason");

    var answer = qc.post("/api/v1/samples/" + id + "/replace", Map.of("reason", "Spam ticket"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    JsonNode replaced = answer.json().get("replaced");
    JsonNode substitute = answer.json().get("substitute");
    assertThat(replaced.get("status").asText()).isEqualTo("REPLACED");
    assertThat(replaced.get("replacedBy").asText()).isEqualTo(substitute.get("id").asText());
    assertThat(substitute.get("agentId").asText()).isEqualTo(agent);
    assertThat(substitute.get("weekStart").asText()).isEqualTo(original.get("weekStart").asText());
    assertThat(substitute.get("channel").asText()).isEqualTo("email");
    assertThat(substitute.get("stratum").asText()).isEqualTo(original.get("stratum").asText());
    assertThat(substitute.get("reasons").toString()).isEqualTo("[\"REPLACEMENT\"]");
    assertThat(substitute.get("assignedQcId").asText()).isEqualTo(qcId);
    assertThat(qc.post("/api/v1/samples/" + id + "/replace", Map.of("reason", "again")).status())
        .isEqualTo(409);

    String subId = substitute.get("id").asText();
    assertThat(
            lead.post("/api/v1/samples/" + subId + "/replace", Map.of("reason", "  SPAM   ticket "))
                .status())
        .as("a QC lead may replace another QC's sample")
        .isEqualTo(200);
    var stats = admin.get("/api/v1/sampling/replacements?teamId=" + team).json();
    assertThat(stats.get("byReason")).hasSize(1);
    assertThat(stats.at("/byReason/0/reason").asText()).isEqualTo("spam ticket");
    assertThat(stats.at("/byReason/0/count").asInt()).isEqualTo(2);
    assertThat(stats.at("/byPolicy/0/replaced").asInt()).isEqualTo(2);
    assertThat(stats.at("/byPolicy/0/replacementRate").asDouble()).isPositive();
  }

  @Test
  void aTicketWithNoAgentIsRefusedWithWhatToDo() {
    String quiet = teamWithRate(0);
    String unattributed = fx.ticket(SamplingFixture.T.plain(), day, quiet, fx.agent(quiet, now));
    app.c()
        .db()
        .run(
            h -> {
              h.execute("DELETE FROM ticket_agents WHERE ticket_id = ?", unattributed);
              h.execute("UPDATE tickets SET agent_id = NULL WHERE id = ?", unattributed);
            });

    var refused = qc.post("/api/v1/samples", Map.of("ticketId", unattributed));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("field").asText()).isEqualTo("/ticketId");
    assertThat(refused.json().get("detail").asText())
        .contains("no agent")
        .contains("Assign it on the host and sync");
  }

  @Test
  void manualSelectionIsAssignedToTheCallerAndReplacementFallsBackToAnotherChannel() {
    String quiet = teamWithRate(0);
    String agentY = fx.agent(quiet, now);
    String email = fx.ticket(SamplingFixture.T.plain(), day, quiet, agentY);
    String chat =
        fx.ticket(SamplingFixture.T.plain().channel("chat"), day.plusSeconds(5), quiet, agentY);
    admin.post(
        "/api/v1/sampling/run",
        Map.of("from", day.toString(), "to", day.plusSeconds(10).toString()));

    var manual = qc.post("/api/v1/samples", Map.of("ticketId", email));
    assertThat(manual.status()).as(manual.text()).isEqualTo(201);
    assertThat(manual.json().get("reasons").toString()).isEqualTo("[\"MANUAL\"]");
    assertThat(manual.json().get("assignedQcId").asText()).isEqualTo(qcId);
    assertThat(qc.post("/api/v1/samples", Map.of("ticketId", email)).status()).isEqualTo(409);
    assertThat(qc.post("/api/v1/samples", Map.of("ticketId", "nope")).status()).isEqualTo(404);
    assertThat(qc.post("/api/v1/samples", Map.of()).json().get("field").asText())
        .isEqualTo("/ticketId");
    Api agentAsQc = app.as(Role.QC, agentY, List.of());
    fx.capacity(agentAsQc.get("/api/v1/me").json().get("id").asText(), 0);
    assertThat(agentAsQc.post("/api/v1/samples", Map.of("ticketId", chat)).status()).isEqualTo(403);
    assertThat(
            app.as(Role.AGENT, agentY, List.of())
                .post("/api/v1/samples", Map.of("ticketId", chat))
                .status())
        .isEqualTo(403);

    String id = manual.json().get("id").asText();
    var first = qc.post("/api/v1/samples/" + id + "/replace", Map.of("reason", "duplicate")).json();
    assertThat(first.at("/substitute/ticketId").asText()).isEqualTo(chat);
    var second =
        qc.post(
                "/api/v1/samples/" + first.at("/substitute/id").asText() + "/replace",
                Map.of("reason", "duplicate"))
            .json();
    assertThat(second.at("/replaced/status").asText()).isEqualTo("REPLACED");
    assertThat(second.has("substitute")).as("stratum exhausted").isFalse();
  }

  @Test
  void gradedSamplesLeaveTheQueueAndCannotBeReplaced() {
    String quiet = teamWithRate(1);
    String agentG = fx.agent(quiet, now);
    String ticket = fx.ticket(SamplingFixture.T.plain(), day, quiet, agentG);
    admin.post(
        "/api/v1/sampling/run",
        Map.of("from", day.toString(), "to", day.plusSeconds(1).toString()));
    var queued = all(qc, "/api/v1/queue?teamId=" + quiet);
    assertThat(queued).hasSize(1);
    app.c()
        .db()
        .run(
            h ->
                h.execute(
                    "UPDATE evaluations SET ticket_id = ? WHERE id = (SELECT MIN(id) FROM evaluations)",
                    ticket));
    fx.evaluation(agentG, quiet, 95, false, now.minusSeconds(60));
    app.c()
        .db()
        .run(
            h ->
                h.execute(
                    "UPDATE evaluations SET ticket_id = ? WHERE agent_id = ?", ticket, agentG));
    assertThat(all(qc, "/api/v1/queue?teamId=" + quiet)).isEmpty();
    String id = queued.get(0).get("id").asText();
    assertThat(qc.post("/api/v1/samples/" + id + "/replace", Map.of("reason", "x")).status())
        .isEqualTo(409);
  }

  @Test
  void samplesAreTeamScopedForStaff() {
    String otherTeam = fx.team();
    Api scoped = app.as(Role.MANAGER, null, List.of(otherTeam));
    assertThat(scoped.get("/api/v1/samples?limit=500").json().get("items")).isEmpty();
    assertThat(scoped.get("/api/v1/samples?teamId=" + team).status()).isEqualTo(403);
    assertThat(scoped.get("/api/v1/agents/" + agent + "/tier").status()).isEqualTo(404);
    var everything = admin.get("/api/v1/samples?limit=500&teamId=" + team).json().get("items");
    assertThat(StreamSupport.stream(everything.spliterator(), false).count()).isEqualTo(40);
  }
}
