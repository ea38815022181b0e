package io.qccompanion.server.archfixture.connector;

import io.qccompanion.server.archfixture.server.ServerThing;

/** Fixture for ArchitectureTest: a connector that reaches into the server. */
public class NosyConnector {
  ServerThing thing;
}
