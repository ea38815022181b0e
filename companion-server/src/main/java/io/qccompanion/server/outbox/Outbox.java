package io.qccompanion.server.outbox;

import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Queues write-backs inside the caller's transaction and reports their progress. */
public final class Outbox {
  static final String PENDING = "PENDING";
  static final String DONE = "DONE";
  static final String FAILED = "FAILED";
  private final Clock clock;

  public Outbox(Clock clock) {
    this.clock = clock;
  }

  /** The key that makes a note unique on the host: one note per evaluation revision. */
  public static String idempotencyKey(String evaluationId, int revision) {
    return "qc-" + evaluationId + "-r" + revision;
  }

  /** Queues the write-back of {@code revision}; queuing the same revision twice is a no-op. */
  public void enqueue(Handle h, String evaluationId, int revision, String connectionId) {
    long now = clock.millis();
    h.createUpdate(
            """
            INSERT INTO outbox (id, evaluation_id, revision, connection_id, idempotency_key, status,
              attempts, outcome_unknown, next_attempt_at, created_at, updated_at)
            VALUES (:id, :evaluation, :revision, :connection, :key, 'PENDING', 0, 0, :now, :now, :now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """)
        .bind("id", Ids.newId())
        .bind("evaluation", evaluationId)
        .bind("revision", revision)
        .bind("connection", connectionId)
        .bind("key", idempotencyKey(evaluationId, revision))
        .bind("now", now)
        .execute();
  }

  /** The write-back of the evaluation's newest queued revision, if any. */
  public Optional<WriteBackStatus> status(Handle h, String evaluationId) {
    return h.createQuery(
            """
            SELECT revision, status, outcome, detail, host_reference, attempts, next_attempt_at,
              steps, failed_step
            FROM outbox WHERE evaluation_id = ? ORDER BY revision DESC LIMIT 1
            """)
        .bind(0, evaluationId)
        .map(
            (rs, ctx) ->
                new WriteBackStatus(
                    rs.getInt("revision"),
                    rs.getString("status"),
                    rs.getString("outcome"),
                    rs.getString("detail"),
                    rs.getString("host_reference"),
                    rs.getInt("attempts"),
                    rs.getString("status").equals(PENDING)
                        ? Instant.ofEpochMilli(rs.getLong("next_attempt_at"))
                        : null,
                    StepState.read(rs.getString("steps")).entrySet().stream()
                        .map(
                            e ->
                                new WriteBackStatus.Step(
                                    e.getKey(),
                                    e.getValue().outcome().name(),
                                    e.getValue().hostReference(),
                                    e.getValue().detail()))
                        .toList(),
                    rs.getString("failed_step")))
        .findOne();
  }
}
