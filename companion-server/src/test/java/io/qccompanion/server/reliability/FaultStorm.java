package io.qccompanion.server.reliability;

import io.qccompanion.simulators.Faults;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Arms a random fault on a random host every {@code every} while a phase runs: 429 with
 * Retry-After, 503, malformed (truncated) JSON, a slow answer past the client's timeout; and for
 * writes also a write applied then answered 503 and a write applied then dropped. What was served
 * is counted by the simulators ({@link Faults#injected()}).
 */
final class FaultStorm implements AutoCloseable {
  enum Phase {
    READS,
    WRITES
  }

  private final List<Faults> hosts;
  private final Random random = new Random(1617);
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fault-storm");
            t.setDaemon(true);
            return t;
          });
  private volatile Phase phase = Phase.READS;
  private volatile boolean slowOn;

  FaultStorm(List<Faults> hosts, Duration every) {
    this.hosts = hosts;
    executor.scheduleWithFixedDelay(
        this::arm, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  void phase(Phase phase) {
    this.phase = phase;
  }

  private void arm() {
    Faults f = hosts.get(random.nextInt(hosts.size()));
    if (slowOn) {
      hosts.forEach(h -> h.delay(Duration.ZERO));
      slowOn = false;
      return;
    }
    int kinds = phase == Phase.WRITES ? 6 : 4;
    switch (random.nextInt(kinds)) {
      case 0 -> f.rateLimitNext(1 + random.nextInt(2), Duration.ofSeconds(1));
      case 1 -> f.serverErrorNext(1 + random.nextInt(2));
      case 2 -> f.malformedNext(1);
      case 3 -> {
        f.delay(Duration.ofSeconds(6)); // past both clients' read timeouts; off at the next tick
        slowOn = true;
      }
      case 4 -> f.serverErrorAfterApplyNext(1);
      default -> f.dropAfterApplyNext(1);
    }
  }

  /** Faults the hosts served so far. */
  long served() {
    return hosts.stream().mapToLong(Faults::injected).sum();
  }

  /** Stops arming and switches every fault off. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    hosts.forEach(Faults::reset);
  }
}
