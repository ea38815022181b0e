package io.qccompanion.connector.zendesk;

import java.time.Duration;

/** Waits; injected so retry and rate-limit tests run without real sleeps. */
@FunctionalInterface
interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
