package io.qccompanion.server.sync;

import io.qccompanion.server.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs due syncs: a connection is due when its interval has passed since the last run, when a
 * webhook or an admin asked for a sync, or when the instance syncing it stopped renewing its lease
 * (its run was cut off and is resumed here from the last committed checkpoint).
 */
final class SyncScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);
  private final Database db;
  private final SyncRunner runner;
  private final Clock clock;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "qc-sync"));

  public SyncScheduler(Database db, SyncRunner runner, Clock clock) {
    this.db = db;
    this.runner = runner;
    this.clock = clock;
  }

  public void start(long tickSeconds) {
    executor.scheduleWithFixedDelay(this::runDue, 1, tickSeconds, TimeUnit.SECONDS);
  }

  /** Syncs every due, active connection once (up to 50 pages each). */
  public void runDue() {
    try {
      for (String id : due()) runner.syncOnce(id, 50);
    } catch (RuntimeException e) {
      log.error("sync tick failed", e);
    }
  }

  List<String> due() {
    long now = clock.millis();
    return db.read(
        h ->
            h.createQuery(
                    """
                SELECT c.id FROM connections c JOIN sync_state s ON s.connection_id = c.id
                WHERE c.status = 'ACTIVE' AND (s.requested_at IS NOT NULL OR s.last_run_at IS NULL
                  OR s.last_run_at + c.interval_seconds * 1000 <= ?
                  OR (s.lease_owner IS NOT NULL AND s.lease_until < ?))
                ORDER BY c.name""")
                .bind(0, now)
                .bind(1, now)
                .mapTo(String.class)
                .list());
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
