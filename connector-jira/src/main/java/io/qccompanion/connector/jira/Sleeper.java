package io.qccompanion.connector.jira;

import java.time.Duration;

/** Waits between retries; tests inject one that returns at once. */
interface Sleeper {
  Sleeper REAL = d -> Thread.sleep(d.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
