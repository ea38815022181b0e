package io.qccompanion.connector.http;

import java.time.Duration;

/** Waits; injected so retry and budget tests run without real sleeps. */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the calling thread. */
  Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}
