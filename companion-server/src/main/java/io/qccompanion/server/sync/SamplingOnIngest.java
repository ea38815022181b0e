package io.qccompanion.server.sync;

import io.qccompanion.server.sampling.Sampling;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Samples tickets as they arrive. Only tickets solved within {@link #LOOKBACK} are sampled: the
 * first sync of a connection imports months of history, which feeds the summaries but must not
 * flood QC queues with stale tickets.
 */
final class SamplingOnIngest implements SyncRunner.TicketsIngested {
  public static final Duration LOOKBACK = Duration.ofDays(14);
  private final Sampling sampling;
  private final Clock clock;
  private volatile boolean enabled = true;

  public SamplingOnIngest(Sampling sampling, Clock clock) {
    this.sampling = sampling;
    this.clock = clock;
  }

  /** Turns sampling on sync on or off (the demo grades its history itself). */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void ingested(Handle h, String connectionId, List<String> ticketIds) {
    if (!enabled || ticketIds.isEmpty()) return;
    long since = clock.millis() - LOOKBACK.toMillis();
    List<String> recent =
        h.createQuery("SELECT id FROM tickets WHERE id IN (<ids>) AND solved_at >= :since")
            .bindList("ids", ticketIds)
            .bind("since", since)
            .mapTo(String.class)
            .list();
    if (!recent.isEmpty()) sampling.engine().sampleTickets(h, recent);
  }
}
