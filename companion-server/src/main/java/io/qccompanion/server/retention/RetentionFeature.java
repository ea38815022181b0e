package io.qccompanion.server.retention;

import io.javalin.config.RoutesConfig;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.evaluations.EvaluationListener;
import io.qccompanion.server.store.Database;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/** Data retention: the policy, its dry run and purge, and their routes. */
public final class RetentionFeature {
  private final Database db;
  private final RetentionJob job;

  /** {@code beforeDelete} is told of each evaluation before the purge deletes it. */
  public RetentionFeature(
      Database db, Clock clock, AuditLog audit, EvaluationListener beforeDelete) {
    this.db = db;
    this.job = new RetentionJob(clock, audit, beforeDelete);
  }

  public void register(RoutesConfig r) {
    new RetentionRoutes(db, job).register(r);
  }

  /** Purges what is older than the policy's period; a daily job. */
  public void purge(Handle h) {
    job.run(h, null, false);
  }
}
