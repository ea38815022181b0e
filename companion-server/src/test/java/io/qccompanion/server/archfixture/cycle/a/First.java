package io.qccompanion.server.archfixture.cycle.a;

import io.qccompanion.server.archfixture.cycle.b.Second;

/** Fixture for ArchitectureTest: half of a package cycle. */
public class First {
  Second second;
}
