package io.qccompanion.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.model.HostIdentity;
import io.qccompanion.model.HostUser;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.FakeConnector;
import io.qccompanion.server.testing.TestApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Forge issue panel's backend: token verified by the connector, account linked by an admin. */
class JiraPanelApiTest {
  static TestApp app;
  static String connectionId;
  static String qcUserId;

  @BeforeAll
  static void start() {
    app = TestApp.start();
    var fake = new FakeConnector(FakeConnector.JIRA);
    fake.panelIdentity =
        HostIdentity.builder().userId("557058:qc-account").ticketExternalId("1001").build();
    fake.users.add(
        HostUser.builder().id("a1").name("Ana Lopez").email("ana@acme.test").role("agent").build());
    fake.tickets.add(FakeConnector.ticket("1001", "a1", Instant.parse("2026-10-01T10:00:00Z")));
    app.c().connectors().register(fake);
    var admin = app.as(Role.ADMIN);
    var body = new java.util.HashMap<String, Object>(SyncApiTest.connection("acme-jira"));
    body.put("host", "jira");
    body.put("baseUrl", "https://acme.atlassian.net");
    connectionId = admin.post("/api/v1/connections", body).json().at("/connection/id").asText();
    app.c().sync().syncOnce(connectionId, 10);
    qcUserId =
        admin
            .post("/api/v1/users", Map.of("email", "qc@acme.test", "name", "Quinn", "role", "QC"))
            .json()
            .get("id")
            .asText();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static int[] status = new int[1];

  private static String panel(String token) {
    var request =
        new Request.Builder()
            .url(app.baseUrl() + "/api/v1/panel/jira?ticket=1001")
            .header("Authorization", "Bearer " + token)
            .build();
    try (var response = new OkHttpClient().newCall(request).execute()) {
      status[0] = response.code();
      return response.body().string();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void forgedTokenIsRejected() {
    panel("forged");
    assertThat(status[0]).isEqualTo(401);
  }

  @Test
  void linkedQcGetsTheIssueSummaryAndAGradingLink() {
    var admin = app.as(Role.ADMIN);
    var bad =
        admin.put(
            "/api/v1/users/" + qcUserId + "/host-identities",
            Map.of("connectionId", "nope", "hostUserId", "x"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("field").asText()).isEqualTo("/connectionId");
    var linked =
        admin.put(
            "/api/v1/users/" + qcUserId + "/host-identities",
            Map.of("connectionId", connectionId, "hostUserId", "557058:qc-account"));
    assertThat(linked.status()).isEqualTo(204);
    String body = panel("panel-ok");
    assertThat(status[0]).isEqualTo(200);
    assertThat(body).contains("Grade in QC Companion").contains("ticket=1001");
  }
}
