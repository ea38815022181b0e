package io.qccompanion.server.evaluations;

import org.jdbi.v3.core.Handle;

/**
 * Told inside the writing transaction when an evaluation's result or status changed (submit,
 * amendment, dispute status), so derived data (quality aggregates, compliance escalations) commits
 * with it.
 */
@FunctionalInterface
public interface EvaluationListener {
  void changed(Handle h, String evaluationId);
}
