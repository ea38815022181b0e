package io.qccompanion.server.reliability;

import static io.qccompanion.server.reliability.ReliabilitySuiteTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.reliability.FaultStorm.Phase;
import io.qccompanion.server.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three companion JVMs on one embedded PostgreSQL 17 database (issue 17 item 5), under faults: the
 * instance holding a sync lease is killed with {@code kill -9}, then the one holding an outbox row;
 * each time a survivor must take the work over within a minute (leases of 30 s renewed every 10 s),
 * and in the end every ticket is stored once and every evaluation revision has exactly one note.
 */
@Tag("reliability")
class MultiInstancePostgresTest {
  static final int TICKETS_PER_HOST = Integer.getInteger("qc.reliability.pgTickets", 3_000);
  static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(60);

  @Test
  void survivorsTakeOverADeadInstancesLeasesWithinAMinute(@TempDir Path dir) {
    long started = System.nanoTime();
    String url = TestDatabases.freshPostgresDatabase();
    try (var world = HostWorld.create(dir, url, TICKETS_PER_HOST);
        var storm =
            new FaultStorm(
                List.of(world.zendesk.faults(), world.jira.faults()), Duration.ofSeconds(4))) {
      var ledger = new Ledger(world);
      long zdExpected = world.expectedZendesk();
      long jiraExpected = world.expectedJira();
      List<ChildCompanion> alive = new ArrayList<>();
      for (String name : List.of("pg-a", "pg-b", "pg-c")) alive.add(world.child(name));

      // Kill whoever syncs a connection mid-page; a survivor resumes from its checkpoint.
      awaitTrue(
          "a sync in flight",
          Duration.ofMinutes(4),
          () ->
              world.stored(world.zendeskConnection) + world.stored(world.jiraConnection)
                      >= 0.2 * (zdExpected + jiraExpected)
                  && syncHolder(world, alive).isPresent(),
          alive.get(0));
      var syncLease = syncHolder(world, alive).orElseThrow();
      Duration syncTakeover =
          killAndTimeTakeover(
              world,
              alive,
              syncLease,
              "SELECT lease_owner FROM sync_state WHERE connection_id = ?");
      awaitTrue(
          "every closed ticket synced",
          Duration.ofMinutes(6),
          () ->
              world.stored(world.zendeskConnection) >= zdExpected
                  && world.stored(world.jiraConnection) >= jiraExpected,
          alive.get(0));
      var zd = ledger.tickets(world.zendeskConnection, zdExpected);
      var jr = ledger.tickets(world.jiraConnection, jiraExpected);

      // Grade on one instance; kill whoever publishes a row; a survivor finishes it, note once.
      storm.phase(Phase.WRITES);
      var client = new CompanionClient(alive.get(0).baseUrl(), world.qcToken);
      List<String> graded = new ArrayList<>();
      for (String c : List.of(world.zendeskConnection, world.jiraConnection))
        for (String ticket : ReliabilitySuiteTest.ticketsToGrade(world, c, 40))
          graded.add(client.grade(ticket));
      for (int i = 0; i < graded.size(); i += 10) client.revise(graded.get(i));
      awaitTrue(
          "a write-back in flight",
          Duration.ofMinutes(3),
          () -> outboxHolder(world, alive).isPresent(),
          alive.get(0));
      var rowLease = outboxHolder(world, alive).orElseThrow();
      Duration outboxTakeover =
          killAndTimeTakeover(
              world, alive, rowLease, "SELECT lease_owner FROM outbox WHERE id = ?");
      alive.add(world.child("pg-d")); // the dead one's replacement joins the others
      awaitTrue(
          "outbox drained",
          Duration.ofMinutes(6),
          () -> ledger.outbox().keySet().equals(Set.of("DONE")),
          alive.get(0));
      storm.close();

      var writeBacks = ledger.writeBacks();
      System.out.printf(
          "multi-instance PostgreSQL: 3 instances + 1 replacement; tickets zendesk %d/%d jira %d/%d,"
              + " lost %d, duplicated %d; faults served %d; kill -9: 2; sync lease taken over"
              + " after %.1f s, outbox lease after %.1f s (limit %d s); write-backs %d revisions,"
              + " notes missing %d, doubled %d; outbox %s; %d s%n",
          zd.distinct(),
          zdExpected,
          jr.distinct(),
          jiraExpected,
          zd.lost() + jr.lost(),
          zd.duplicated() + jr.duplicated(),
          storm.served(),
          syncTakeover.toMillis() / 1000.0,
          outboxTakeover.toMillis() / 1000.0,
          TAKEOVER_LIMIT.toSeconds(),
          writeBacks.revisions(),
          writeBacks.missing(),
          writeBacks.doubled(),
          ledger.outbox(),
          Duration.ofNanos(System.nanoTime() - started).toSeconds());

      assertThat(syncTakeover).isLessThan(TAKEOVER_LIMIT);
      assertThat(outboxTakeover).isLessThan(TAKEOVER_LIMIT);
      assertThat(List.of(zd.lost(), jr.lost(), zd.duplicated(), jr.duplicated())).containsOnly(0L);
      assertThat(zd.pagesOff() + jr.pagesOff()).as("pages applied twice").isZero();
      assertThat(writeBacks.revisions()).isEqualTo(graded.size() + (graded.size() + 9) / 10);
      assertThat(writeBacks.missing()).as("revisions without their note").isZero();
      assertThat(writeBacks.doubled()).as("revisions with two notes").isZero();
    }
  }

  /** A lease held by one of the children: the row or connection, the holder and its token. */
  record Lease(String id, ChildCompanion holder, String token) {}

  /**
   * Kills the lease's holder with kill -9 and waits until the lease belongs to another instance or
   * was settled by one (row done, sync finished: the owner is cleared); returns the time from the
   * kill.
   */
  private static Duration killAndTimeTakeover(
      HostWorld world, List<ChildCompanion> alive, Lease lease, String ownerQuery) {
    lease.holder().kill();
    long killed = System.nanoTime();
    alive.remove(lease.holder());
    awaitTrue(
        "takeover of " + lease.id(),
        TAKEOVER_LIMIT.plusSeconds(30),
        () -> {
          String owner =
              world.db.read(
                  h ->
                      h.createQuery(ownerQuery)
                          .bind(0, lease.id())
                          .mapTo(String.class)
                          .findOne()
                          .orElse(null));
          return !lease.token().equals(owner); // only a survivor changes a dead holder's lease
        },
        alive.get(0));
    return Duration.ofNanos(System.nanoTime() - killed);
  }

  private static Optional<Lease> syncHolder(HostWorld world, List<ChildCompanion> alive) {
    return holder(
        world,
        alive,
        "SELECT connection_id AS id, lease_owner FROM sync_state WHERE lease_owner IS NOT NULL");
  }

  private static Optional<Lease> outboxHolder(HostWorld world, List<ChildCompanion> alive) {
    return holder(
        world,
        alive,
        "SELECT id, lease_owner FROM outbox WHERE lease_owner IS NOT NULL AND status = 'PENDING'");
  }

  /** Lease owners are "sync-<pid>-…" and "wb-<pid>-…": the pid names the child. */
  private static Optional<Lease> holder(HostWorld world, List<ChildCompanion> alive, String sql) {
    List<Map<String, Object>> rows = world.db.read(h -> h.createQuery(sql).mapToMap().list());
    for (var row : rows) {
      String token = (String) row.get("lease_owner");
      String pid = token.split("-")[1];
      for (ChildCompanion c : alive)
        if (Long.toString(c.pid()).equals(pid))
          return Optional.of(new Lease((String) row.get("id"), c, token));
    }
    return Optional.empty();
  }
}
