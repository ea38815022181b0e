package io.qccompanion.server.workflows;

import static io.qccompanion.server.workflows.WorkflowFixture.answers;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.csv.Csv;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The escalation and audit-log CSVs name people, teams and tickets instead of holding ids, write
 * times in the reader's zone, and keep the formula guard of the one CSV writer.
 */
class ReadableExportsApiTest {
  static TestApp app;
  static WorkflowFixture f;
  static Api qc;
  static Api manager;
  static Api admin;
  static String evaluation;
  static JsonNode qcUser;
  static JsonNode managerUser;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    f = new WorkflowFixture(app);
    qc = app.as(Role.QC);
    manager = app.as(Role.MANAGER);
    admin = app.as(Role.ADMIN);
    qcUser = qc.get("/api/v1/me").json();
    managerUser = manager.get("/api/v1/me").json();
    String agent = f.agent("Rita Risky");
    String ticket = f.ticket(agent);
    // a subject a spreadsheet would run as a formula
    app.c()
        .db()
        .run(
            h ->
                h.execute(
                    "UPDATE tickets SET ticket_key = 'ZD-77', subject = '=SUM(A1:A9)' WHERE id = ?",
                    ticket));
    // 2026-11-02 09:00 UTC: a critical fail raises the escalation on submit
    evaluation = f.evaluate(qc, ticket, "REGULAR", answers(1, 5, 0));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void theEscalationExportNamesAgentTeamOwnerAndTicketInLocalTime() {
    JsonNode items = manager.get("/api/v1/compliance/escalations").json().get("items");
    assertThat(items).hasSize(1);
    String id = items.get(0).get("id").asText();
    var owned =
        manager.patch(
            "/api/v1/compliance/escalations/" + id,
            Map.of("ownerId", managerUser.get("id").asText(), "status", "IN_PROGRESS"));
    assertThat(owned.status()).as(owned.text()).isEqualTo(200);

    String teamName =
        app.c()
            .db()
            .read(
                h ->
                    h.createQuery("SELECT name FROM teams WHERE id = ?")
                        .bind(0, f.teamId)
                        .mapTo(String.class)
                        .one());
    var csv = manager.get("/api/v1/compliance/escalations/export?timeZone=Europe/Paris");
    assertThat(csv.status()).as(csv.text()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    List<String> lines = csv.text().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo(
            "escalation,severity,status,overdue,reason,agent,team,owner,ticket,ticketSubject,"
                + "evaluation,due (Europe/Paris),raised (Europe/Paris),resolved (Europe/Paris),"
                + "resolutionNotes");
    String row = lines.get(1);
    assertThat(row)
        .startsWith(id + ",CRITICAL,IN_PROGRESS,no,")
        .contains(
            ",Rita Risky,"
                + Csv.cell(teamName)
                + ","
                + managerUser.get("name").asText()
                + ",ZD-77,'=SUM(A1:A9),"
                + evaluation
                + ",")
        // raised at 09:00 UTC, 10:00 in Paris; no resolution yet
        .contains(",2026-11-02 10:00,,");
    assertThat(row).doesNotContain(f.teamId).doesNotContain("2026-11-02T");

    var utc = manager.get("/api/v1/compliance/escalations/export").text();
    assertThat(utc.lines().findFirst().orElseThrow()).contains("raised (UTC)");
    assertThat(utc).contains(",2026-11-02 09:00,");
    var bad = manager.get("/api/v1/compliance/escalations/export?timeZone=Mars/Olympus");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("timeZone");
  }

  @Test
  void theAuditExportNamesTheActorAndTheRecordInLocalTime() {
    var csv =
        admin.get(
            "/api/v1/audit/export?timeZone=Europe/Paris&entityType=evaluation&entityId="
                + evaluation);
    assertThat(csv.status()).as(csv.text()).isEqualTo(200);
    List<String> lines = csv.text().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo(
            "event,at (Europe/Paris),actor,actorEmail,action,recordType,recordId,record,before,after");
    assertThat(lines).hasSize(3);
    String actor = qcUser.get("name").asText() + "," + qcUser.get("email").asText();
    assertThat(lines.get(1))
        .contains(",2026-11-02 10:00:00," + actor + ",evaluation.create,evaluation,")
        .contains("," + evaluation + ",ticket ZD-77 · Rita Risky,");
    assertThat(lines.get(2)).contains(",evaluation.submit,evaluation,");

    // a renamed team is named by its name now; the actor of an admin change by the admin's
    var renamed = admin.patch("/api/v1/teams/" + f.teamId, Map.of("name", "=Danger team"));
    assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
    String team = admin.get("/api/v1/audit/export?entityType=team&entityId=" + f.teamId).text();
    assertThat(team.lines().toList().get(1))
        .contains(admin.get("/api/v1/me").json().get("name").asText())
        .contains(",team," + f.teamId + ",'=Danger team,");
  }
}
