package io.qccompanion.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.model.HostUser;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.FakeConnector;
import io.qccompanion.server.testing.TestApp;
import io.qccompanion.server.testing.TestDatabases;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The schema and core SQL on a real PostgreSQL (embedded binaries). The whole suite runs there with
 * {@code mvn -B verify -Ppostgres}; this test keeps the default run honest about portability.
 */
@Tag("postgres")
class PostgresPortabilityTest {

  @Test
  void migratesAndSyncsOnPostgres() {
    var clock = new TestApp.MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    try (TestApp app = TestApp.start(clock, TestDatabases.freshPostgresDatabase())) {
      assertThat(app.c().db().isSqlite()).isFalse();
      var fake = new FakeConnector(FakeConnector.ZENDESK);
      app.c().connectors().register(fake);
      fake.users.add(
          HostUser.builder()
              .id("a1")
              .name("Ana Lopez")
              .email("ana@acme.test")
              .role("agent")
              .build());
      for (int i = 1; i <= 3; i++)
        fake.tickets.add(
            FakeConnector.ticket("10" + i, "a1", Instant.parse("2026-10-0" + i + "T10:00:00Z")));
      var admin = app.as(Role.ADMIN);
      var body =
          new HashMap<String, Object>(
              Map.of(
                  "name",
                  "acme",
                  "host",
                  "zendesk",
                  "baseUrl",
                  "https://acme.zendesk.com",
                  "authKind",
                  "API_TOKEN",
                  "username",
                  "svc@acme.test",
                  "secret",
                  "s3cret-token"));
      String id = admin.post("/api/v1/connections", body).json().at("/connection/id").asText();
      var sync = admin.post("/api/v1/connections/" + id + "/sync", Map.of());
      assertThat(sync.json().at("/result/outcome").asText()).isEqualTo("DONE");
      assertThat(sync.json().at("/connection/sync/ticketsTotal").asLong()).isEqualTo(3);
      assertThat(app.anonymous().get("/ready").status()).isEqualTo(200);
    }
  }
}
