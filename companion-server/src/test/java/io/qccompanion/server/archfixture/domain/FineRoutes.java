package io.qccompanion.server.archfixture.domain;

import io.javalin.http.Context;

/** Fixture for ArchitectureTest: routes may use Javalin. */
public class FineRoutes {
  void handle(Context ctx) {}
}
