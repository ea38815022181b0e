package io.qccompanion.server.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.Page;
import io.qccompanion.model.TicketSource;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.connections.Connection;
import io.qccompanion.server.connections.ConnectionStore;
import io.qccompanion.server.connections.ConnectorRegistry;
import io.qccompanion.server.connections.SyncNow;
import io.qccompanion.server.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls one connection's closed tickets page by page. Each page's tickets, their sampling decisions
 * and the next checkpoint commit in one transaction, so a crash resumes from the last committed
 * page with no gap and no duplicate. A lease on the connection's sync state keeps two instances
 * from syncing it at once: it lasts {@link #LEASE}, a heartbeat renews it every {@link #HEARTBEAT}
 * while the sync runs, and a page commits only while its sync still holds the lease, so an instance
 * that was paused past its lease cannot write over the one that took the connection over. Revoked
 * credentials pause the connection at once; repeated failures pause it after {@link
 * #MAX_CONSECUTIVE_FAILURES}.
 */
final class SyncRunner implements SyncNow {
  public static final int MAX_CONSECUTIVE_FAILURES = 5;
  private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

  /** A dead instance's sync is taken over this long after its last heartbeat. */
  public static final Duration LEASE = Duration.ofSeconds(30);

  static final Duration HEARTBEAT = LEASE.dividedBy(3);

  private final Database db;
  private final ConnectionStore connections;
  private final ConnectorRegistry connectors;
  private final TicketStore tickets;
  private final AuditLog audit;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final TicketsIngested listener;
  // The process id names the instance holding a lease, for operators and for the takeover test.
  private final String owner = "sync-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "qc-sync-lease");
            t.setDaemon(true);
            return t;
          });

  /** Told about new or changed tickets inside their page's transaction (sampling runs there). */
  @FunctionalInterface
  public interface TicketsIngested {
    void ingested(Handle h, String connectionId, List<String> ticketIds);
  }

  /** The page's sync lost its lease to another instance: the page is rolled back. */
  private static final class LeaseLost extends RuntimeException {
    LeaseLost(String connectionId) {
      super("sync lease of connection " + connectionId + " was taken over", null, false, false);
    }
  }

  public SyncRunner(
      Database db,
      ConnectionStore connections,
      ConnectorRegistry connectors,
      TicketStore tickets,
      AuditLog audit,
      Clock clock,
      MeterRegistry metrics,
      TicketsIngested listener) {
    this.db = db;
    this.connections = connections;
    this.connectors = connectors;
    this.tickets = tickets;
    this.audit = audit;
    this.clock = clock;
    this.metrics = metrics;
    this.listener = listener;
  }

  @Override
  public Result syncOnce(String connectionId, int maxPages) {
    Connection connection = connections.get(connectionId);
    if (connection.status() == Connection.Status.PAUSED)
      return new Result("PAUSED", 0, 0, connection.pausedReason());
    String lease = owner + "/" + UUID.randomUUID();
    if (!acquireLease(connectionId, lease)) return new Result("BUSY", 0, 0, null);
    ScheduledFuture<?> renewal = keepLeaseAlive(connectionId, lease);
    int pages = 0;
    int stored = 0;
    try (TicketSource source = connectors.openSource(connectionId)) {
      boolean done = false;
      while (!done && pages < maxPages) {
        Checkpoint from = checkpoint(connectionId);
        Page page = source.fetchClosedSince(from, 1000);
        List<String> changed =
            db.write(
                h -> {
                  List<String> ids = tickets.store(h, connection, page);
                  int held =
                      h.createUpdate(
                              """
                  UPDATE sync_state SET checkpoint = ?, checkpoint_at = ?, tickets_total = tickets_total + ?,
                    lease_until = ? WHERE connection_id = ? AND lease_owner = ?""")
                          .bind(0, page.next().value())
                          .bind(1, clock.millis())
                          .bind(2, ids.size())
                          .bind(3, clock.millis() + LEASE.toMillis())
                          .bind(4, connectionId)
                          .bind(5, lease)
                          .execute();
                  if (held == 0) throw new LeaseLost(connectionId);
                  if (!ids.isEmpty()) listener.ingested(h, connectionId, ids);
                  return ids;
                });
        pages++;
        stored += changed.size();
        metrics
            .counter("qc_sync_tickets_total", "connection", connection.name())
            .increment(changed.size());
        done = page.done();
      }
      finish(connectionId, stored, null, false);
      return new Result(done ? "DONE" : "MORE", pages, stored, null);
    } catch (LeaseLost e) {
      log.warn("{} after {} pages; this run stops", e.getMessage(), pages);
      return new Result("BUSY", pages, stored, e.getMessage());
    } catch (ConnectorException e) {
      metrics
          .counter(
              "qc_sync_failures_total", "connection", connection.name(), "kind", e.kind().name())
          .increment();
      log.warn("sync of connection '{}' failed: {}", connection.name(), e.getMessage());
      finish(connectionId, stored, e.getMessage(), e.credentialsInvalid());
      return new Result("FAILED", pages, stored, e.getMessage());
    } finally {
      renewal.cancel(false);
      releaseLease(connectionId, lease);
    }
  }

  private Checkpoint checkpoint(String connectionId) {
    String value =
        db.read(
            h ->
                h.createQuery("SELECT checkpoint FROM sync_state WHERE connection_id = ?")
                    .bind(0, connectionId)
                    .mapTo(String.class)
                    .findOne()
                    .orElse(null));
    return new Checkpoint(value);
  }

  private void finish(String connectionId, int stored, String error, boolean credentials) {
    long now = clock.millis();
    db.run(
        h -> {
          if (error == null) {
            h.createUpdate(
                    """
                UPDATE sync_state SET last_run_at = ?, last_success_at = ?, last_error = NULL,
                  consecutive_failures = 0, last_run_tickets = ?, requested_at = NULL WHERE connection_id = ?""")
                .bind(0, now)
                .bind(1, now)
                .bind(2, stored)
                .bind(3, connectionId)
                .execute();
            return;
          }
          h.createUpdate(
                  """
              UPDATE sync_state SET last_run_at = ?, last_error = ?, last_run_tickets = ?,
                consecutive_failures = consecutive_failures + 1, requested_at = NULL WHERE connection_id = ?""")
              .bind(0, now)
              .bind(1, error)
              .bind(2, stored)
              .bind(3, connectionId)
              .execute();
          int failures =
              h.createQuery("SELECT consecutive_failures FROM sync_state WHERE connection_id = ?")
                  .bind(0, connectionId)
                  .mapTo(Integer.class)
                  .one();
          String reason =
              credentials
                  ? "credentials rejected: " + error
                  : failures >= MAX_CONSECUTIVE_FAILURES
                      ? failures + " failed syncs in a row; last: " + error
                      : null;
          if (reason != null) {
            connections.setPaused(h, connectionId, reason);
            audit.record(h, null, "connection.pause", "connection", connectionId, null, reason);
          }
        });
  }

  /** Takes the connection's lease when it is free or its holder stopped renewing it. */
  private boolean acquireLease(String connectionId, String lease) {
    long now = clock.millis();
    return db.write(
            h ->
                h.createUpdate(
                        """
                UPDATE sync_state SET lease_owner = ?, lease_until = ?
                WHERE connection_id = ? AND (lease_until IS NULL OR lease_until < ?)""")
                    .bind(0, lease)
                    .bind(1, now + LEASE.toMillis())
                    .bind(2, connectionId)
                    .bind(3, now)
                    .execute())
        == 1;
  }

  /** Renews the lease every {@link #HEARTBEAT}, also while a host call is slow or waiting. */
  private ScheduledFuture<?> keepLeaseAlive(String connectionId, String lease) {
    long every = HEARTBEAT.toMillis();
    return heartbeat.scheduleAtFixedRate(
        () -> {
          try {
            int held =
                db.write(
                    h ->
                        h.createUpdate(
                                "UPDATE sync_state SET lease_until = ?"
                                    + " WHERE connection_id = ? AND lease_owner = ?")
                            .bind(0, clock.millis() + LEASE.toMillis())
                            .bind(1, connectionId)
                            .bind(2, lease)
                            .execute());
            if (held == 0) log.warn("lost the sync lease of connection {}", connectionId);
          } catch (RuntimeException e) {
            log.warn("cannot renew the sync lease of connection {}", connectionId, e);
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  private void releaseLease(String connectionId, String lease) {
    db.run(
        h ->
            h.createUpdate(
                    "UPDATE sync_state SET lease_owner = NULL, lease_until = NULL WHERE connection_id = ? AND lease_owner = ?")
                .bind(0, connectionId)
                .bind(1, lease)
                .execute());
  }
}
