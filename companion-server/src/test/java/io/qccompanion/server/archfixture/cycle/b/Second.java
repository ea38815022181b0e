package io.qccompanion.server.archfixture.cycle.b;

import io.qccompanion.server.archfixture.cycle.a.First;

/** Fixture for ArchitectureTest: the other half of a package cycle. */
public class Second {
  First first;
}
