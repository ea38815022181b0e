package io.qccompanion.server.retention;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the workflow housekeeping (retention purge, due action-plan reviews, compliance sweep) on
 * one background thread at a fixed interval; a failing job is logged and retried next round.
 */
public final class DailyJobs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DailyJobs.class);
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "workflow-jobs");
            t.setDaemon(true);
            return t;
          });
  private final List<Runnable> jobs;

  public DailyJobs(List<Runnable> jobs) {
    this.jobs = List.copyOf(jobs);
  }

  /** Starts the jobs after {@code initialMinutes}, then every {@code intervalMinutes}. */
  public DailyJobs start(long initialMinutes, long intervalMinutes) {
    executor.scheduleWithFixedDelay(
        this::runAll, initialMinutes, intervalMinutes, TimeUnit.MINUTES);
    return this;
  }

  void runAll() {
    for (Runnable job : jobs) {
      try {
        job.run();
      } catch (RuntimeException e) {
        log.warn("workflow job failed; retrying next round", e);
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
