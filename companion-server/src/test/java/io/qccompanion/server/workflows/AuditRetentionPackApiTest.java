package io.qccompanion.server.workflows;

import static io.qccompanion.server.workflows.WorkflowFixture.answers;
import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditRetentionPackApiTest {
  TestApp app;
  WorkflowFixture f;
  Api admin;
  Api qc;
  Api agentApi;
  String agent;

  @BeforeEach
  void start() {
    app = TestApp.start();
    f = new WorkflowFixture(app);
    admin = app.as(Role.ADMIN);
    qc = app.as(Role.QC);
    agent = f.agent("Audited");
    agentApi = app.as(Role.AGENT, agent, List.of(f.teamId));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void onlyAdminsReadTheAuditLogWhichPagesFiltersExportsAndCannotBeEdited() {
    String e = f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 1));
    assertThat(qc.get("/api/v1/audit").status()).isEqualTo(403);
    assertThat(app.as(Role.MANAGER).get("/api/v1/audit").status()).isEqualTo(403);
    var filtered = admin.get("/api/v1/audit?entityType=evaluation&entityId=" + e).json();
    assertThat(filtered.get("items"))
        .extracting(n -> n.get("action").asText())
        .containsExactlyInAnyOrder("evaluation.create", "evaluation.submit");
    var page1 = admin.get("/api/v1/audit?entityType=evaluation&limit=1").json();
    assertThat(page1.get("items")).hasSize(1);
    String cursor = page1.get("nextCursor").asText();
    var page2 = admin.get("/api/v1/audit?entityType=evaluation&limit=1&cursor=" + cursor).json();
    assertThat(page2.get("items")).hasSize(1);
    assertThat(page2.get("items").get(0).get("id").asText())
        .isNotEqualTo(page1.get("items").get(0).get("id").asText());
    assertThat(page2.has("nextCursor")).isFalse();
    var csv = admin.get("/api/v1/audit/export?entityType=evaluation");
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.text().lines())
        .hasSize(3)
        .first()
        .asString()
        .startsWith("event,at (UTC),actor,");
    String eventId = filtered.get("items").get(0).get("id").asText();
    assertThat(admin.delete("/api/v1/audit/" + eventId).status()).isIn(404, 405);
    assertThat(admin.put("/api/v1/audit/" + eventId, Map.of("action", "x")).status())
        .isIn(404, 405);
    assertThat(admin.delete("/api/v1/audit").status()).isIn(404, 405);
    for (var parsed : app.app().javalin().unsafe.internalRouter.allHttpHandlers())
      if (parsed.endpoint.path.equals("/api/v1/audit")
          || parsed.endpoint.path.startsWith("/api/v1/audit/"))
        assertThat(parsed.endpoint.method.name()).isIn("GET", "HEAD", "OPTIONS");
    assertThat(admin.get("/api/v1/audit?entityType=evaluation&entityId=" + e).json().get("items"))
        .hasSize(2);
  }

  @Test
  void retentionDryRunCountsAndTheRealRunPurgesAnonymisesAndIsAudited() {
    String ticket = f.ticket(agent);
    String e = f.evaluate(qc, ticket, "REGULAR", answers(1, 5, 1));
    agentApi.post("/api/v1/feedback/responses", Map.of("evaluationId", e, "text", "ok"));
    assertThat(qc.post("/api/v1/retention/run?dryRun=true", Map.of()).status()).isEqualTo(403);
    var nothing = admin.post("/api/v1/retention/run?dryRun=true", Map.of()).json();
    assertThat(nothing.get("counts").get("evaluations").asInt()).isZero();

    app.clock().advance(Duration.ofDays(400));
    var dry = admin.post("/api/v1/retention/run?dryRun=true", Map.of()).json();
    assertThat(dry.get("dryRun").asBoolean()).isTrue();
    assertThat(dry.get("counts").get("evaluations").asInt()).isEqualTo(1);
    assertThat(dry.get("counts").get("feedback").asInt()).isEqualTo(1);
    assertThat(dry.get("counts").get("tickets (conversation anonymised)").asInt()).isEqualTo(1);
    assertThat(dry.get("counts").get("audit_events (actor anonymised)").asInt()).isPositive();
    assertThat(admin.get("/api/v1/evaluations/" + e).status())
        .as("dry run keeps data")
        .isEqualTo(200);

    assertThat(admin.get("/api/v1/retention/last-run").status()).as("never ran").isEqualTo(404);
    var run = admin.post("/api/v1/retention/run?dryRun=false", Map.of()).json();
    assertThat(run.get("counts").get("evaluations").asInt()).isEqualTo(1);
    var last = admin.get("/api/v1/retention/last-run").json();
    assertThat(last.at("/result/counts/evaluations").asInt()).isEqualTo(1);
    assertThat(last.get("actorName").asText()).isNotBlank();
    assertThat(admin.get("/api/v1/evaluations/" + e).status()).isEqualTo(404);
    String payload =
        app.c()
            .db()
            .read(
                h ->
                    h.createQuery("SELECT payload FROM tickets WHERE id = :id")
                        .bind("id", ticket)
                        .mapTo(String.class)
                        .one());
    assertThat(payload).doesNotContain("4111").contains("purgedAt");
    var runs = admin.get("/api/v1/audit?entityType=retention").json().get("items");
    assertThat(runs).extracting(n -> n.get("action").asText()).contains("retention.run");
    var old = admin.get("/api/v1/audit?entityType=evaluation").json().get("items");
    assertThat(old).allMatch(n -> n.get("actorId").asText().equals("anonymised"));
    var again = admin.post("/api/v1/retention/run?dryRun=false", Map.of()).json();
    assertThat(again.get("counts").get("evaluations").asInt()).isZero();
  }

  @Test
  void retentionPeriodMustBeOneToHundredTwentyMonths() {
    var bad = admin.put("/api/v1/retention/settings", Map.of("months", 0));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("/months");
    assertThat(admin.put("/api/v1/retention/settings", Map.of("months", 24)).status())
        .isEqualTo(200);
    assertThat(admin.get("/api/v1/retention/settings").json().get("months").asInt()).isEqualTo(24);
  }

  @Test
  void auditPackZipHoldsEvidenceMappedToStandards() throws Exception {
    String e = f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 0));
    agentApi.post("/api/v1/feedback/responses", Map.of("evaluationId", e, "text", "I will fix it"));
    admin.post("/api/v1/compliance/escalations/sweep", Map.of());
    Map<String, String> files =
        zip("/api/v1/audit-pack?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z");
    assertThat(files)
        .containsKeys(
            "README.md",
            "manifest.json",
            "evaluations.csv",
            "feedback.csv",
            "csat_summary.csv",
            "calibration.json",
            "action_plans.csv",
            "training_records.csv",
            "escalations.csv");
    assertThat(files.get("feedback.csv")).contains("I will fix it");
    assertThat(files.get("evaluations.csv")).contains(e);
    assertThat(files.get("evaluations.json")).contains(e).contains("\"privacy\"");
    assertThat(files.get("escalations.csv")).contains("CRITICAL");
    assertThat(files.get("README.md"))
        .contains("| feedback.csv | SOP 4.4 | Feedback documented with agent responses |");
    assertThat(files.get("manifest.json")).contains("\"file\":\"escalations.csv\"");
    assertThat(qc.get("/api/v1/audit-pack").status()).isEqualTo(403);
  }

  @Test
  void anAuditorReadsThePackWithoutJoinsInLocalTimeWithEachRecordsClause() throws Exception {
    String e = f.evaluate(qc, f.ticket(agent), "REGULAR", answers(1, 5, 1));
    var edited =
        admin.put(
            "/api/v1/audit-pack/clauses/evaluations",
            Map.of("clause", "ISO 18295-1 5.3", "title", "Monitoring of customer interactions"));
    assertThat(edited.status()).as(edited.text()).isEqualTo(200);
    assertThat(
            app.as(Role.MANAGER)
                .put("/api/v1/audit-pack/clauses/evaluations", Map.of("clause", "x", "title", "y"))
                .status())
        .isEqualTo(403);
    Map<String, String> files =
        zip(
            "/api/v1/audit-pack?from=2026-11-01&to=2026-11-30&timeZone=Europe/Paris&teamId="
                + f.teamId);
    List<String> lines = files.get("evaluations.csv").lines().toList();
    assertThat(lines.get(0)).startsWith("Clause,Evaluation,Ticket,Ticket subject,Agent,Team,QC,");
    // the test clock is 2026-11-02 09:00 UTC, 10:00 in Paris
    assertThat(lines.get(1))
        .startsWith("ISO 18295-1 5.3," + e + ",")
        .contains(",Audited,")
        .contains(",yes,")
        .endsWith(",2026-11-02 10:00");
    assertThat(files.get("README.md"))
        .contains("Period: 1 November 2026 – 30 November 2026")
        .contains("Europe/Paris")
        .contains("| evaluations.csv | ISO 18295-1 5.3 | Monitoring of customer interactions |");
    assertThat(files.get("evaluation_answers.csv")).contains("SOP 4.3,").contains("Greeting");
    assertThat(zip("/api/v1/audit-pack?from=2026-10-01&to=2026-10-31").get("evaluations.csv"))
        .as("outside the period")
        .doesNotContain(e);
    assertThat(admin.get("/api/v1/audit-pack?from=31/10/2026").json().get("field").asText())
        .isEqualTo("from");
  }

  private Map<String, String> zip(String path) throws IOException, InterruptedException {
    String token = adminToken();
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/zip");
    Map<String, String> files = new HashMap<>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry())
        files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return files;
  }

  private String adminToken() {
    var c = app.c();
    return c.db()
        .write(
            h -> {
              var u =
                  c.users()
                      .createUser(
                          h,
                          "pack" + System.nanoTime() + "@example.test",
                          "Pack",
                          Role.ADMIN,
                          "correct horse battery",
                          null,
                          List.of(),
                          40);
              return c.tokens().create(h, u.id(), "zip").token();
            });
  }
}
