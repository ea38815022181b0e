package io.qccompanion.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.reliability.FaultStorm.Phase;
import io.qccompanion.server.sync.SyncFeature;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability suite (issue 16 item 5): 10,000 closed tickets on each simulated host, faults
 * armed all along (429, 503, truncated JSON, answers past the timeout; for writes also 503 and a
 * dropped connection after the host applied them), duplicate and out-of-order webhooks, and a real
 * {@code kill -9} of the companion's JVM mid-sync and mid-write-back, each followed by a restart on
 * the same SQLite file. Run with {@code scripts/test-reliability.sh}.
 */
@Tag("reliability")
class ReliabilitySuiteTest {
  /** 10,000 unless {@code -Dqc.reliability.tickets} says otherwise (a quicker local run). */
  static final int TICKETS_PER_HOST = Integer.getInteger("qc.reliability.tickets", 10_000);

  static final int GRADED_PER_HOST = 60;

  @Test
  void survivesFaultsAndKillNineLosingAndDuplicatingNothing(@TempDir Path dir) {
    long started = System.nanoTime();
    int restarts = 0;
    try (var world =
            HostWorld.create(dir, "jdbc:sqlite:" + dir.resolve("qc.db"), TICKETS_PER_HOST);
        var storm =
            new FaultStorm(
                List.of(world.zendesk.faults(), world.jira.faults()), Duration.ofSeconds(4))) {
      var ledger = new Ledger(world);
      long zdExpected = world.expectedZendesk();
      long jiraExpected = world.expectedJira();
      long sampleSince =
          Instant.now()
              .minus(SyncFeature.SAMPLING_LOOKBACK)
              .plus(Duration.ofHours(1))
              .toEpochMilli();

      // Sync, killed twice while a page is in flight.
      var child = world.child("companion-1");
      for (double share : new double[] {0.25, 0.6}) {
        awaitTrue(
            "sync progress to " + share,
            Duration.ofMinutes(6),
            () ->
                world.stored(world.zendeskConnection) + world.stored(world.jiraConnection)
                        >= share * (zdExpected + jiraExpected)
                    && syncLeaseHeld(world),
            child);
        child.kill();
        restarts++;
        assertCheckpointsNotAhead(ledger, world);
        child = world.child("companion-" + (restarts + 1));
      }
      var client = new CompanionClient(child.baseUrl(), world.qcToken);
      int[] webhookStatuses = webhooks(world, client);
      var current = child;
      awaitTrue(
          "every closed ticket synced",
          Duration.ofMinutes(8),
          () ->
              world.stored(world.zendeskConnection) >= zdExpected
                  && world.stored(world.jiraConnection) >= jiraExpected,
          current);
      var zd = ledger.tickets(world.zendeskConnection, zdExpected);
      var jr = ledger.tickets(world.jiraConnection, jiraExpected);

      // Write-back, killed while a row is being published.
      storm.phase(Phase.WRITES);
      List<String> graded = new ArrayList<>();
      for (String ticket : ticketsToGrade(world, world.zendeskConnection, GRADED_PER_HOST))
        graded.add(client.grade(ticket));
      for (String ticket : ticketsToGrade(world, world.jiraConnection, GRADED_PER_HOST))
        graded.add(client.grade(ticket));
      for (int i = 0; i < graded.size(); i += 10) client.revise(graded.get(i));
      awaitTrue(
          "write-back under way, a row in flight",
          Duration.ofMinutes(3),
          () -> done(ledger) >= graded.size() / 4 && outboxLeaseHeld(world),
          current);
      current.kill();
      restarts++;
      current = world.child("companion-" + (restarts + 1));
      var last = current;
      awaitTrue(
          "outbox drained",
          Duration.ofMinutes(6),
          () -> ledger.outbox().keySet().equals(java.util.Set.of("DONE")),
          last);
      storm.close();

      var writeBacks = ledger.writeBacks();
      long unsampled = ledger.unsampled(sampleSince);
      long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
      System.out.printf(
          "reliability suite: tickets zendesk %d/%d jira %d/%d, lost %d, duplicated %d, pages off %d;"
              + " faults served %d; restarts %d (kill -9: 2 mid-sync, 1 mid-write-back);"
              + " webhooks %s; sample decisions %d, unsampled %d; write-backs %d revisions"
              + " (%d fell back on closed tickets), notes missing %d, doubled %d; outbox %s; %d s%n",
          zd.distinct(),
          zdExpected,
          jr.distinct(),
          jiraExpected,
          zd.lost() + jr.lost(),
          zd.duplicated() + jr.duplicated(),
          zd.pagesOff() + jr.pagesOff(),
          storm.served(),
          restarts,
          java.util.Arrays.toString(webhookStatuses),
          ledger.decisions(),
          unsampled,
          writeBacks.revisions(),
          writeBacks.fellBack(),
          writeBacks.missing(),
          writeBacks.doubled(),
          ledger.outbox(),
          seconds);

      assertThat(List.of(zd.lost(), jr.lost(), zd.duplicated(), jr.duplicated())).containsOnly(0L);
      assertThat(zd.pagesOff() + jr.pagesOff())
          .as("checkpoints moved without their tickets")
          .isZero();
      assertThat(storm.served()).as("faults served").isGreaterThan(20);
      assertThat(unsampled).as("recent tickets without a sampling decision").isZero();
      assertThat(writeBacks.revisions()).isEqualTo(graded.size() + (graded.size() + 9) / 10);
      assertThat(writeBacks.missing()).as("revisions without their note").isZero();
      assertThat(writeBacks.doubled()).as("revisions with two notes").isZero();
      assertThat(webhookStatuses).containsExactly(202, 200, 202, 202, 200, 202);
    }
  }

  /** After a kill: every page whose checkpoint committed has its tickets stored, counted once. */
  private static void assertCheckpointsNotAhead(Ledger ledger, HostWorld world) {
    for (String c : List.of(world.zendeskConnection, world.jiraConnection)) {
      var count = ledger.tickets(c, 0);
      assertThat(count.counted())
          .as("tickets counted by committed pages")
          .isEqualTo(count.stored());
    }
  }

  /** A delivery, its duplicate and an older one arriving late, on each host. */
  private static int[] webhooks(HostWorld world, CompanionClient client) {
    Instant now = Instant.now();
    long zdTicket = world.zendesk.closedTicketIds().get(0);
    String jiraKey = world.jira.doneKeys("SUP").get(0);
    String secret = HostWorld.WEBHOOK_SECRET;
    return new int[] {
      client.zendeskWebhook(world.zendeskConnection, secret, zdTicket, now),
      client.zendeskWebhook(world.zendeskConnection, secret, zdTicket, now),
      client.zendeskWebhook(world.zendeskConnection, secret, zdTicket, now.minusSeconds(90)),
      client.jiraWebhook(world.jiraConnection, secret, jiraKey, now),
      client.jiraWebhook(world.jiraConnection, secret, jiraKey, now),
      client.jiraWebhook(world.jiraConnection, secret, jiraKey, now.minusSeconds(90)),
    };
  }

  /** Sampled tickets of a connection, the latest solved first (Zendesk has not closed them yet). */
  static List<String> ticketsToGrade(HostWorld world, String connectionId, int limit) {
    return world.db.read(
        h ->
            h.createQuery(
                    """
                    SELECT t.id FROM tickets t JOIN sample_decisions s ON s.ticket_id = t.id
                    WHERE t.connection_id = ? AND s.selected = 1 ORDER BY t.solved_at DESC LIMIT ?""")
                .bind(0, connectionId)
                .bind(1, limit)
                .mapTo(String.class)
                .list());
  }

  private static long done(Ledger ledger) {
    return ledger.outbox().getOrDefault("DONE", 0L);
  }

  static boolean syncLeaseHeld(HostWorld world) {
    return world.db.read(
            h ->
                h.createQuery("SELECT count(*) FROM sync_state WHERE lease_owner IS NOT NULL")
                    .mapTo(Integer.class)
                    .one())
        > 0;
  }

  static boolean outboxLeaseHeld(HostWorld world) {
    return world.db.read(
            h ->
                h.createQuery("SELECT count(*) FROM outbox WHERE lease_owner IS NOT NULL")
                    .mapTo(Integer.class)
                    .one())
        > 0;
  }

  static void awaitTrue(
      String what, Duration limit, BooleanSupplier condition, ChildCompanion child) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline)
        throw new AssertionError(
            "timed out waiting for " + what + "; " + child.name() + ":\n" + child.tail());
      if (!child.alive()) throw new AssertionError(child.name() + " died:\n" + child.tail());
      ChildCompanion.sleep(Duration.ofMillis(50));
    }
  }
}
