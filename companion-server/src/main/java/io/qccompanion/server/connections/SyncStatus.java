package io.qccompanion.server.connections;

import io.qccompanion.server.store.Database;
import io.qccompanion.server.store.Millis;
import java.time.Instant;
import java.util.Optional;

/**
 * A connection's sync health for admins: when it last ran and succeeded, how old its checkpoint is,
 * counts, and the last error.
 */
record SyncStatus(
    Instant lastRunAt,
    Instant lastSuccessAt,
    Instant checkpointAt,
    Long checkpointAgeSeconds,
    long ticketsTotal,
    int lastRunTickets,
    int consecutiveFailures,
    String lastError,
    boolean syncRequested,
    boolean running) {

  /** Reads the status of {@code connectionId} at {@code now}. */
  public static Optional<SyncStatus> read(Database db, String connectionId, Instant now) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM sync_state WHERE connection_id = ?")
                .bind(0, connectionId)
                .map(
                    (rs, ctx) -> {
                      Instant checkpointAt = Millis.toInstant(rs.getObject("checkpoint_at"));
                      Object leaseUntil = rs.getObject("lease_until");
                      return new SyncStatus(
                          Millis.toInstant(rs.getObject("last_run_at")),
                          Millis.toInstant(rs.getObject("last_success_at")),
                          checkpointAt,
                          checkpointAt == null
                              ? null
                              : now.getEpochSecond() - checkpointAt.getEpochSecond(),
                          rs.getLong("tickets_total"),
                          rs.getInt("last_run_tickets"),
                          rs.getInt("consecutive_failures"),
                          rs.getString("last_error"),
                          rs.getObject("requested_at") != null,
                          leaseUntil != null
                              && ((Number) leaseUntil).longValue() > now.toEpochMilli());
                    })
                .findOne());
  }

  /** Asks for a sync of {@code connectionId} at the scheduler's next tick. */
  public static void request(org.jdbi.v3.core.Handle h, String connectionId, long nowMillis) {
    h.createUpdate("UPDATE sync_state SET requested_at = ? WHERE connection_id = ?")
        .bind(0, nowMillis)
        .bind(1, connectionId)
        .execute();
  }
}
