package io.qccompanion.server.bench;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints {@link BenchTable} once every test of the run has finished (registered as a service). */
public final class BenchTableListener implements TestExecutionListener {
  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    BenchTable.print();
  }
}
