package io.qccompanion.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.FakeConnector;
import io.qccompanion.server.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sync lease: a dead holder's lease expires after 30 s, and a page commits only under it. */
class SyncLeaseTest {
  TestApp app;
  FakeConnector fake;
  String connectionId;

  @BeforeEach
  void start() {
    app = TestApp.start();
    fake = new FakeConnector(FakeConnector.ZENDESK);
    app.c().connectors().register(fake);
    var admin = app.as(Role.ADMIN);
    var created = admin.post("/api/v1/connections", SyncApiTest.connection("acme-lease"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    connectionId = created.json().at("/connection/id").asText();
    assertThat(
            admin
                .post("/api/v1/connections/" + connectionId + "/start", java.util.Map.of())
                .status())
        .isEqualTo(200);
    for (int i = 1; i <= 5; i++)
      fake.tickets.add(
          FakeConnector.ticket(
              String.valueOf(1000 + i), "a1", Instant.parse("2026-10-0" + i + "T10:00:00Z")));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void aDeadInstancesLeaseIsTakenOverOnceItExpires() {
    app.c().sync().syncOnce(connectionId, 1); // a run has happened: the interval is not due yet
    long now = app.clock().millis();
    setLease("sync-999-dead", now + SyncRunner.LEASE.toMillis()); // renewed just before it died
    var scheduler = new SyncScheduler(app.c().db(), app.c().sync().runner(), app.clock());

    assertThat(app.c().sync().syncOnce(connectionId, 10).outcome()).isEqualTo("BUSY");
    assertThat(scheduler.due()).doesNotContain(connectionId);

    app.clock().advance(SyncRunner.LEASE.plus(Duration.ofSeconds(1)));
    assertThat(scheduler.due()).as("an interrupted sync is due at once").contains(connectionId);
    var resumed = app.c().sync().syncOnce(connectionId, 10);
    assertThat(resumed.outcome()).isEqualTo("DONE");
    assertThat(fake.fetchedFrom).containsExactly("null", "2", "4");
    assertThat(leaseOwner()).isNull();
  }

  @Test
  void aPageIsRolledBackWhenAnotherInstanceTookTheLeaseOver() {
    long later = app.clock().millis() + SyncRunner.LEASE.toMillis();
    fake.beforeFetch =
        from -> {
          if (from.equals("2")) setLease("sync-999-survivor", later); // this run stalled too long
        };

    var result = app.c().sync().syncOnce(connectionId, 10);

    assertThat(result.outcome()).isEqualTo("BUSY");
    assertThat(result.tickets()).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM tickets")).isEqualTo(2);
    assertThat(count("SELECT tickets_total FROM sync_state")).isEqualTo(2);
    String checkpoint =
        app.c()
            .db()
            .read(
                h -> h.createQuery("SELECT checkpoint FROM sync_state").mapTo(String.class).one());
    assertThat(checkpoint)
        .as("the checkpoint stays with the last page this run committed under its lease")
        .isEqualTo("2");
    assertThat(leaseOwner()).as("the survivor keeps its lease").isEqualTo("sync-999-survivor");
  }

  private void setLease(String owner, long until) {
    app.c()
        .db()
        .run(
            h ->
                h.createUpdate(
                        "UPDATE sync_state SET lease_owner = ?, lease_until = ?"
                            + " WHERE connection_id = ?")
                    .bind(0, owner)
                    .bind(1, until)
                    .bind(2, connectionId)
                    .execute());
  }

  private String leaseOwner() {
    return app.c()
        .db()
        .read(
            h ->
                h.createQuery("SELECT lease_owner FROM sync_state WHERE connection_id = ?")
                    .bind(0, connectionId)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null));
  }

  private long count(String sql) {
    return app.c().db().read(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
