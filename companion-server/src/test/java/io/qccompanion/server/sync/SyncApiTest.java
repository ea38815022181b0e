package io.qccompanion.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.HostUser;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.FakeConnector;
import io.qccompanion.server.testing.TestApp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SyncApiTest {
  TestApp app;
  FakeConnector fake;
  Api admin;
  String connectionId;

  @BeforeEach
  void start() {
    app = TestApp.start();
    fake = new FakeConnector(FakeConnector.ZENDESK);
    app.c().connectors().register(fake);
    admin = app.as(Role.ADMIN);
    var created = admin.post("/api/v1/connections", connection("acme"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    connectionId = created.json().at("/connection/id").asText();
    fake.users.add(
        HostUser.builder().id("a1").name("Ana Lopez").email("ana@acme.test").role("agent").build());
    fake.users.add(
        HostUser.builder()
            .id("a2")
            .name("Ben Okafor")
            .email("ben@acme.test")
            .role("agent")
            .build());
    for (int i = 1; i <= 5; i++)
      fake.tickets.add(
          FakeConnector.ticket(
              String.valueOf(1000 + i),
              i % 2 == 0 ? "a2" : "a1",
              Instant.parse("2026-10-0" + i + "T10:00:00Z")));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  static Map<String, Object> connection(String name) {
    var body = new HashMap<String, Object>();
    body.put("name", name);
    body.put("host", "zendesk");
    body.put("baseUrl", "https://acme.zendesk.com");
    body.put("authKind", "API_TOKEN");
    body.put("username", "svc-qc@acme.test");
    body.put("secret", "zd-secret-token-123");
    body.put("webhookSecret", "hook-secret");
    return body;
  }

  private long count(String sql) {
    return app.c().db().read(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Test
  void credentialsAreEncryptedAtRestAndNeverReturned() {
    String stored =
        app.c()
            .db()
            .read(
                h -> h.createQuery("SELECT secret_enc FROM connections").mapTo(String.class).one());
    assertThat(stored).startsWith("v1:").doesNotContain("zd-secret-token-123");
    assertThat(admin.get("/api/v1/connections/" + connectionId).text())
        .doesNotContain("zd-secret-token-123")
        .doesNotContain("v1:");
    assertThat(app.c().connections().settings(connectionId).auth().secret())
        .isEqualTo("zd-secret-token-123");
  }

  @Test
  void syncStoresTicketsAndLinksAgentsAndTeams() {
    var answer = admin.post("/api/v1/connections/" + connectionId + "/sync", Map.of());
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().at("/result/outcome").asText()).isEqualTo("DONE");
    assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(5);
    assertThat(count("SELECT count(*) FROM agents")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM teams WHERE name = 'Billing'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM ticket_agents")).isEqualTo(5);
    assertThat(answer.json().at("/connection/sync/ticketsTotal").asLong()).isEqualTo(5);
  }

  @Test
  void reingestingTheSameVersionIsANoOpAndANewVersionUpdates() {
    app.c().sync().syncOnce(connectionId, 10);
    app.c().db().run(h -> h.createUpdate("UPDATE sync_state SET checkpoint = NULL").execute());
    var again = app.c().sync().syncOnce(connectionId, 10);
    assertThat(again.tickets()).isZero();
    assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(5);

    fake.tickets.set(0, FakeConnector.ticket("1001", "a2", Instant.parse("2026-10-09T10:00:00Z")));
    app.c().db().run(h -> h.createUpdate("UPDATE sync_state SET checkpoint = NULL").execute());
    assertThat(app.c().sync().syncOnce(connectionId, 10).tickets()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(5);
    assertThat(
            count(
                "SELECT count(*) FROM ticket_agents ta JOIN tickets t ON t.id = ta.ticket_id WHERE t.external_id = '1001'"))
        .isEqualTo(1);
  }

  @Test
  void resumesFromCheckpointAfterCrash() {
    // page 1 commits, page 2 fails: the checkpoint of page 1 stays committed
    var first = app.c().sync().syncOnce(connectionId, 1);
    assertThat(first.tickets()).isEqualTo(2);
    fake.failures.add(ConnectorException.transientFailure(0, null, "connection reset", null));
    var crashed = app.c().sync().syncOnce(connectionId, 10);
    assertThat(crashed.outcome()).isEqualTo("FAILED");
    var resumed = app.c().sync().syncOnce(connectionId, 10);
    assertThat(resumed.outcome()).isEqualTo("DONE");
    assertThat(fake.fetchedFrom).containsExactly("null", "2", "2", "4");
    assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(5);
  }

  @Test
  void revokedCredentialsPauseTheConnectionWithAnAlert() {
    fake.failures.add(
        ConnectorException.credentials(
            401, "Zendesk rejected the API token for acme.zendesk.com (401)"));
    var result = app.c().sync().syncOnce(connectionId, 10);
    assertThat(result.outcome()).isEqualTo("FAILED");
    var view = admin.get("/api/v1/connections/" + connectionId).json();
    assertThat(view.at("/connection/status").asText()).isEqualTo("PAUSED");
    assertThat(view.at("/alert").asText()).contains("401").contains("service account");
    assertThat(app.anonymous().get("/metrics").text())
        .contains("qc_connection_paused{connection=\"acme\",host=\"zendesk\"} 1.0");
    assertThat(app.c().sync().syncOnce(connectionId, 10).outcome()).isEqualTo("PAUSED");

    assertThat(
            admin
                .post("/api/v1/connections/" + connectionId + "/resume", Map.of())
                .json()
                .at("/connection/status")
                .asText())
        .isEqualTo("ACTIVE");
    assertThat(app.c().sync().syncOnce(connectionId, 10).outcome()).isEqualTo("DONE");
  }

  @Test
  void repeatedTransientFailuresPauseAfterTheLimit() {
    for (int i = 0; i < SyncRunner.MAX_CONSECUTIVE_FAILURES; i++)
      fake.failures.add(
          ConnectorException.transientFailure(503, null, "Zendesk answered 503", null));
    for (int i = 0; i < SyncRunner.MAX_CONSECUTIVE_FAILURES - 1; i++)
      app.c().sync().syncOnce(connectionId, 1);
    assertThat(app.c().connections().get(connectionId).status().name()).isNotEqualTo("PAUSED");
    app.c().sync().syncOnce(connectionId, 1);
    assertThat(app.c().connections().get(connectionId).pausedReason())
        .contains("5 failed syncs in a row");
  }

  @Test
  void syncSamplesRecentTicketsButNotImportedHistory() {
    fake.tickets.add(FakeConnector.ticket("2001", "a1", Instant.parse("2026-10-30T10:00:00Z")));
    app.c().sync().syncOnce(connectionId, 10);
    assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(6);
    assertThat(count("SELECT count(DISTINCT ticket_id) FROM sample_decisions")).isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM sample_decisions d JOIN tickets t ON t.id = d.ticket_id"
                    + " WHERE t.external_id = '2001'"))
        .isEqualTo(1);
  }

  @Test
  void theFirstScheduledSyncWaitsForAPassingTest() {
    var scheduler = new SyncScheduler(app.c().db(), app.c().sync().runner(), app.c().clock());
    assertThat(
            admin
                .get("/api/v1/connections/" + connectionId)
                .json()
                .at("/connection/status")
                .asText())
        .isEqualTo("UNTESTED");
    assertThat(scheduler.due()).doesNotContain(connectionId);
    var check = admin.post("/api/v1/connections/" + connectionId + "/test", Map.of()).json();
    assertThat(check.get("items")).allMatch(i -> i.get("ok").asBoolean());
    assertThat(
            admin
                .get("/api/v1/connections/" + connectionId)
                .json()
                .at("/connection/status")
                .asText())
        .isEqualTo("ACTIVE");
    assertThat(scheduler.due()).contains(connectionId);
  }

  @Test
  void testConnectionRunsTheConnectorCheck() {
    var check = admin.post("/api/v1/connections/" + connectionId + "/test", Map.of());
    assertThat(check.status()).isEqualTo(200);
    assertThat(check.json().at("/items/0/detail").asText()).contains("https://acme.zendesk.com");
  }

  @Test
  void signedWebhookRequestsASyncAndForgedIsRejected() {
    var forged = app.anonymous().post("/api/v1/webhooks/" + connectionId, Map.of("ticket", 1));
    assertThat(forged.status()).isEqualTo(401);
    assertThat(count("SELECT count(*) FROM sync_state WHERE requested_at IS NOT NULL")).isZero();

    var http = new okhttp3.OkHttpClient();
    var request =
        new okhttp3.Request.Builder()
            .url(app.baseUrl() + "/api/v1/webhooks/" + connectionId)
            .header("X-Test-Signature", "sig:hook-secret")
            .post(
                okhttp3.RequestBody.create(
                    "{\"ticket\":1}", okhttp3.MediaType.get("application/json")))
            .build();
    try (var response = http.newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(202);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(count("SELECT count(*) FROM sync_state WHERE requested_at IS NOT NULL"))
        .isEqualTo(1);
  }

  @Test
  void badConnectionInputNamesTheField() {
    var body = connection("other");
    body.put("baseUrl", "not a url");
    var answer = admin.post("/api/v1/connections", body);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("field").asText()).isEqualTo("/baseUrl");
    body = connection("other");
    body.put("intervalSeconds", 5);
    assertThat(admin.post("/api/v1/connections", body).json().get("field").asText())
        .isEqualTo("/intervalSeconds");
    body = connection("other");
    body.put("host", "freshdesk");
    assertThat(admin.post("/api/v1/connections", body).json().get("field").asText())
        .isEqualTo("/host");
    assertThat(admin.post("/api/v1/connections", connection("acme")).status()).isEqualTo(409);
  }

  @Test
  void onlyAdminsManageConnections() {
    assertThat(app.as(Role.MANAGER).get("/api/v1/connections").status()).isEqualTo(403);
    assertThat(
            app.as(Role.QC)
                .post("/api/v1/connections/" + connectionId + "/sync", Map.of())
                .status())
        .isEqualTo(403);
  }

  @Test
  void hostTokenOpensASessionForTheLinkedUser() {
    admin.post("/api/v1/users", Map.of("email", "qc@example.test", "name", "Quinn", "role", "QC"));
    admin.put("/api/v1/connections/" + connectionId + "/host-login", Map.of("matchEmail", true));
    var http = new okhttp3.OkHttpClient();
    var form = new okhttp3.FormBody.Builder().add("token", "panel-ok").build();
    try (var ok =
            http.newCall(
                    new okhttp3.Request.Builder()
                        .url(app.baseUrl() + "/api/v1/host-sessions/" + connectionId)
                        .post(form)
                        .build())
                .execute();
        var bad =
            http.newCall(
                    new okhttp3.Request.Builder()
                        .url(app.baseUrl() + "/api/v1/host-sessions/" + connectionId)
                        .post(new okhttp3.FormBody.Builder().add("token", "forged").build())
                        .build())
                .execute()) {
      assertThat(ok.code()).isEqualTo(200);
      assertThat(ok.header("Set-Cookie")).contains("qc_session=");
      assertThat(ok.body().string()).contains("\"role\":\"QC\"").contains("csrfToken");
      assertThat(bad.code()).isEqualTo(401);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
