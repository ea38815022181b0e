package io.qccompanion.server.archfixture.http;

import io.qccompanion.server.archfixture.connector.NosyConnector;

/** Fixture for ArchitectureTest: a shared HTTP layer that knows a connector. */
public class ConnectorAwareRetry {
  NosyConnector connector;
}
