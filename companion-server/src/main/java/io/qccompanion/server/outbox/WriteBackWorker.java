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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes queued evaluation results onto host tickets (DESIGN §4.5): claims one due row at a time
 * under a lease (renewed while the row is in flight), builds the note and runs the sink's steps
 * (note, then labels/fields/property) as a small saga: each finished step is recorded on the row,
 * and a retry resumes with the first step not done. Exactly one note per revision: after an attempt
 * whose outcome is unknown (timeout, I/O error, 5xx) the step looks for its note before writing.
 * Transient failures retry with exponential backoff and jitter, never sooner than Retry-After;
 * rejected credentials keep the row pending without counting an attempt and tell {@link
 * ConnectionHealth}; permanent failures and running out of attempts mark the row FAILED.
 */
public final class WriteBackWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WriteBackWorker.class);

  /**
   * Tuning.
   *
   * @param maxAttempts counted attempts before a row is FAILED
   * @param lease how long a claimed row stays with its worker without a renewal (renewed every
   *     third of it): a dead instance's row is taken over this long after its last renewal
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
          Duration.ofSeconds(30),
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
  private final ScheduledExecutorService renewer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "qc-write-back-lease");
            t.setDaemon(true);
            return t;
          });

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
    this.leases =
        new OutboxLeases(
            db, clock, "wb-" + ProcessHandle.current().pid() + "-" + Ids.newId(), policy.lease());
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
    renewer.shutdownNow();
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
      failedWith(
          row,
          null,
          null,
          false,
          ConnectorException.permanent(
              0, "evaluation revision " + row.revision() + " cannot be turned into a note"));
      return;
    }
    ScheduledFuture<?> renewal = keepLeaseAlive(row);
    String step = null;
    boolean unknownBefore = row.outcomeUnknown();
    try {
      FeedbackSink sink = sinks.open(row.connectionId());
      Map<String, WriteResult> done = new LinkedHashMap<>(row.steps());
      boolean unknown = row.outcomeUnknown();
      for (String s : sink.steps()) {
        if (done.containsKey(s)) continue;
        if (step != null) unknownBefore = false; // a later step: the earlier doubt is settled
        step = s;
        done.put(s, sink.writeStep(s, note.get(), unknown, Map.copyOf(done)));
        unknown = false;
        leases.stepsDone(row, done);
      }
      succeeded(row, overall(done, sink.steps()));
    } catch (ConnectorException e) {
      failedWith(row, note.get(), step, unknownBefore, e);
    } catch (RuntimeException e) {
      log.warn("sink of connection {} threw unexpectedly", row.connectionId(), e);
      failedWith(
          row,
          note.get(),
          step,
          unknownBefore,
          ConnectorException.transientFailure(0, null, e.toString(), e));
    } finally {
      renewal.cancel(false);
    }
  }

  /** The first step's outcome is the write-back's; the details of every step are joined. */
  private static WriteResult overall(Map<String, WriteResult> done, List<String> steps) {
    WriteResult first = done.get(steps.get(0));
    String detail =
        steps.stream()
            .map(done::get)
            .map(WriteResult::detail)
            .filter(d -> d != null && !d.isBlank())
            .reduce((x, y) -> x + "; " + y)
            .orElse(null);
    return new WriteResult(first.outcome(), first.hostReference(), detail);
  }

  /** Renews the row's lease every third of its length until the row is settled. */
  private ScheduledFuture<?> keepLeaseAlive(OutboxRow row) {
    long every = Math.max(1, policy.lease().toMillis() / 3);
    return renewer.scheduleAtFixedRate(
        () -> {
          try {
            if (!leases.renew(row)) log.warn("lost the lease of outbox row {}", row.id());
          } catch (RuntimeException e) {
            log.warn("cannot renew the lease of outbox row {}", row.id(), e);
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  private void succeeded(OutboxRow row, WriteResult result) {
    leases.done(row, result);
    (result.outcome() == WriteResult.Outcome.FELL_BACK ? fellBack : written).increment();
  }

  /**
   * @param unknownBefore the failed step had an unknown outcome before this attempt and still does
   *     (looking for the note failed too), so the next attempt must look again
   */
  private void failedWith(
      OutboxRow row, FeedbackNote note, String step, boolean unknownBefore, ConnectorException e) {
    String detail = e.getMessage();
    if (e.credentialsInvalid()) {
      long when = clock.millis() + policy.credentialsPause().toMillis();
      leases.retry(row, when, false, unknownBefore, step, detail);
      health.credentialsRejected(row.connectionId(), detail);
    } else if (e.retryable() && row.attempts() + 1 < policy.maxAttempts()) {
      boolean unknown = unknownBefore || e.isOutcomeUnknown() || outcomeUnknown(e);
      long when = clock.millis() + backoff.after(row.attempts() + 1, e.retryAfter()).toMillis();
      leases.retry(row, when, true, unknown, step, detail);
      log.info(
          "write-back of {} on connection {} will retry step {}: {}",
          row.evaluationId(),
          row.connectionId(),
          step,
          detail);
    } else {
      String why = e.retryable() ? "gave up after " + policy.maxAttempts() + " attempts: " : "";
      leases.fail(row, step, why + detail);
      failed.increment();
      log.warn(
          "write-back FAILED: connection {}, ticket {}, evaluation {} r{}, step {}: {}",
          row.connectionId(),
          note == null ? "?" : note.ticketKey(),
          row.evaluationId(),
          row.revision(),
          step == null ? "-" : step,
          why + detail);
    }
  }

  // No answer (timeout, I/O) or a 5xx may come after the host applied the note.
  private static boolean outcomeUnknown(ConnectorException e) {
    return e.status() == 0 || e.status() >= 500 || e.getCause() instanceof IOException;
  }
}
