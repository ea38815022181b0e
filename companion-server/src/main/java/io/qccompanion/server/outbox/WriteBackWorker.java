package io.qccompanion.server.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.WriteResult;
import io.qccompanion.server.scoring.ScoringEngine;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.store.Ids;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes queued evaluation results onto host tickets (DESIGN §4.5): claims one due row at a time
 * under a lease, builds the note, calls the connection's sink and records the outcome. Exactly one
 * note per revision: after an attempt whose outcome is unknown (timeout, I/O error, 5xx) the next
 * attempt asks the sink to {@code find} the note before publishing again. Transient failures retry
 * with exponential backoff and jitter, never sooner than Retry-After; rejected credentials keep the
 * row pending without counting an attempt and tell {@link ConnectionHealth}; permanent failures and
 * running out of attempts mark the row FAILED.
 */
public final class WriteBackWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WriteBackWorker.class);

  /**
   * Tuning.
   *
   * @param maxAttempts counted attempts before a row is FAILED
   * @param credentialsPause how long a row waits after its connection's credentials were rejected
   * @param pollInterval how often the scheduler looks for due rows
   */
  public record Policy(
      int maxAttempts,
      Duration baseDelay,
      Duration maxDelay,
      Duration lease,
      Duration credentialsPause,
      Duration pollInterval,
      RandomGenerator random) {
    public static Policy defaults() {
      return new Policy(
          10,
          Duration.ofSeconds(30),
          Duration.ofHours(1),
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          Duration.ofSeconds(5),
          new Random());
    }
  }

  private final Database db;
  private final Clock clock;
  private final SinkOpener sinks;
  private final ConnectionHealth health;
  private final Policy policy;
  private final NoteBuilder notes;
  private final OutboxLeases leases;
  private final Backoff backoff;
  private final Counter written;
  private final Counter fellBack;
  private final Counter failed;
  private ScheduledExecutorService scheduler;

  /** A worker with the default {@link Policy}. */
  public WriteBackWorker(
      Database db,
      Clock clock,
      SinkOpener sinks,
      ConnectionHealth health,
      MeterRegistry registry,
      String publicUrl) {
    this(db, clock, sinks, health, registry, publicUrl, Policy.defaults());
  }

  public WriteBackWorker(
      Database db,
      Clock clock,
      SinkOpener sinks,
      ConnectionHealth health,
      MeterRegistry registry,
      String publicUrl,
      Policy policy) {
    this.db = db;
    this.clock = clock;
    this.sinks = sinks;
    this.health = health;
    this.policy = policy;
    this.notes = new NoteBuilder(new ScoringEngine(), publicUrl);
    this.leases = new OutboxLeases(db, clock, "wb-" + Ids.newId(), policy.lease());
    this.backoff = new Backoff(policy.baseDelay(), policy.maxDelay(), policy.random());
    this.written = registry.counter("qc.outbox.written");
    this.fellBack = registry.counter("qc.outbox.fell_back");
    this.failed = registry.counter("qc.outbox.failed");
    Gauge.builder("qc.outbox.pending", leases, OutboxLeases::pending)
        .description("write-backs waiting to be published")
        .strongReference(true)
        .register(registry);
  }

  /** Processes every row due now, one at a time; returns how many were handled. */
  public int runOnce() {
    int handled = 0;
    Optional<OutboxRow> row;
    while ((row = leases.claim()).isPresent()) {
      process(row.get());
      handled++;
    }
    return handled;
  }

  /** Starts polling in the background (no-op when already started). */
  public synchronized void start() {
    if (scheduler != null) return;
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "qc-write-back");
              t.setDaemon(true);
              return t;
            });
    long every = policy.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::runSafely, every, every, TimeUnit.MILLISECONDS);
  }

  /** Stops polling and waits briefly for the current row to finish. */
  public synchronized void stop() {
    if (scheduler == null) return;
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    scheduler = null;
  }

  @Override
  public void close() {
    stop();
  }

  private void runSafely() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      log.error("write-back run failed; retrying at the next poll", e);
    }
  }

  private void process(OutboxRow row) {
    Optional<FeedbackNote> note;
    try {
      note = db.read(h -> notes.build(h, row.evaluationId(), row.revision()));
    } catch (RuntimeException e) {
      log.error("cannot build the note of outbox row {}", row.id(), e);
      note = Optional.empty();
    }
    if (note.isEmpty()) {
      leases.fail(row, "evaluation revision " + row.revision() + " cannot be turned into a note");
      failed.increment();
      return;
    }
    try {
      FeedbackSink sink = sinks.open(row.connectionId());
      if (row.outcomeUnknown()) {
        Optional<WriteResult> found = sink.find(note.get());
        if (found.isPresent()) {
          succeeded(row, found.get());
          return;
        }
      }
      succeeded(row, sink.publish(note.get()));
    } catch (ConnectorException e) {
      failedWith(row, e);
    } catch (RuntimeException e) {
      log.warn("sink of connection {} threw unexpectedly", row.connectionId(), e);
      failedWith(row, ConnectorException.transientFailure(0, null, e.toString(), e));
    }
  }

  private void succeeded(OutboxRow row, WriteResult result) {
    leases.done(row, result);
    (result.outcome() == WriteResult.Outcome.FELL_BACK ? fellBack : written).increment();
  }

  private void failedWith(OutboxRow row, ConnectorException e) {
    String detail = e.getMessage();
    if (e.credentialsInvalid()) {
      long when = clock.millis() + policy.credentialsPause().toMillis();
      leases.retry(row, when, false, row.outcomeUnknown(), detail);
      health.credentialsRejected(row.connectionId(), detail);
    } else if (e.retryable() && row.attempts() + 1 < policy.maxAttempts()) {
      boolean unknown = row.outcomeUnknown() || outcomeUnknown(e);
      long when = clock.millis() + backoff.after(row.attempts() + 1, e.retryAfter()).toMillis();
      leases.retry(row, when, true, unknown, detail);
    } else {
      String why = e.retryable() ? "gave up after " + policy.maxAttempts() + " attempts: " : "";
      leases.fail(row, why + detail);
      failed.increment();
    }
  }

  // No answer (timeout, I/O) or a 5xx may come after the host applied the note.
  private static boolean outcomeUnknown(ConnectorException e) {
    return e.status() == 0 || e.status() >= 500 || e.getCause() instanceof IOException;
  }
}
