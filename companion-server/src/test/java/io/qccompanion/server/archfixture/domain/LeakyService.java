package io.qccompanion.server.archfixture.domain;

import io.javalin.http.Context;
import io.qccompanion.server.web.HttpProblem;

/** Fixture for ArchitectureTest: a domain class that knows about HTTP. */
public class LeakyService {
  void handle(Context ctx) {
    throw HttpProblem.conflict("no");
  }
}
