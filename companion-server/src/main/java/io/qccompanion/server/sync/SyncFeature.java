package io.qccompanion.server.sync;

import io.micrometer.core.instrument.MeterRegistry;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.connections.ConnectionStore;
import io.qccompanion.server.connections.ConnectorRegistry;
import io.qccompanion.server.connections.SyncNow;
import io.qccompanion.server.sampling.Sampling;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.users.UserDirectory;
import java.time.Clock;
import java.time.Duration;

/**
 * The sync feature: pulls closed tickets page by page through each connection's ticket source,
 * stores them, samples what a page brought, and runs due connections on a schedule. The one door
 * into the package.
 */
public final class SyncFeature implements SyncNow {
  /** How far back sampling on ingest looks for tickets of the same agents. */
  public static final Duration SAMPLING_LOOKBACK = SamplingOnIngest.LOOKBACK;

  private final Database db;
  private final Clock clock;
  private final SamplingOnIngest sampling;
  private final SyncRunner runner;

  public SyncFeature(
      Database db,
      ConnectionStore connections,
      ConnectorRegistry connectors,
      UserDirectory users,
      Sampling sampling,
      AuditLog audit,
      Clock clock,
      MeterRegistry metrics) {
    this.db = db;
    this.clock = clock;
    this.sampling = new SamplingOnIngest(sampling, clock);
    this.runner =
        new SyncRunner(
            db,
            connections,
            connectors,
            new TicketStore(users, clock),
            audit,
            clock,
            metrics,
            this.sampling);
  }

  @Override
  public Result syncOnce(String connectionId, int maxPages) {
    return runner.syncOnce(connectionId, maxPages);
  }

  SyncRunner runner() {
    return runner;
  }

  /** Turns sampling of ingested pages off and on (the demo samples its replayed history itself). */
  public void sampleOnIngest(boolean enabled) {
    sampling.setEnabled(enabled);
  }

  /** Starts syncing every due connection each {@code tickSeconds}; close it to stop. */
  public AutoCloseable schedule(long tickSeconds) {
    var scheduler = new SyncScheduler(db, runner, clock);
    scheduler.start(tickSeconds);
    return scheduler;
  }
}
