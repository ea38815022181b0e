package io.qccompanion.server.demo;

import io.qccompanion.server.CompanionApp;
import java.io.PrintStream;
import java.time.Clock;

/** Scorecards, past grades, sampling of the latest week and workflow examples for the demo. */
final class DemoData {
  private final CompanionApp app;
  private final DemoHosts hosts;
  private final Clock clock;
  private final PrintStream out;

  DemoData(CompanionApp app, DemoHosts hosts, Clock clock, PrintStream out) {
    this.app = app;
    this.hosts = hosts;
    this.clock = clock;
    this.out = out;
  }

  void populate() {
    // filled in once scorecards, sampling and workflows are wired
  }
}
