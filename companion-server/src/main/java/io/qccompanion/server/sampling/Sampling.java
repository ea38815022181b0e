package io.qccompanion.server.sampling;

import io.javalin.config.RoutesConfig;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.store.Database;
import java.time.Clock;

/**
 * The sampling feature: risk-based competency tiers, deterministic selection with triggers and
 * weekly quotas, assignment to QCs, replacement and the routes. Sync calls {@link #engine()}.
 */
public final class Sampling {
  private final SamplingPolicies policies;
  private final CompetencyTiers tiers;
  private final Assigner assigner;
  private final SamplingEngine engine;
  private final SamplingRoutes samplingRoutes;
  private final SampleRoutes sampleRoutes;

  /** Builds the feature; {@code raised} lets another feature keep agents' sampling raised. */
  public Sampling(Database db, Clock clock, AuditLog audit, RaisedSamplingSignal raised) {
    this.policies = new SamplingPolicies(clock, audit);
    this.tiers = new CompetencyTiers(clock, raised);
    this.assigner = new Assigner();
    this.engine = new SamplingEngine(clock, policies, tiers, assigner);
    this.samplingRoutes = new SamplingRoutes(db, clock, policies, tiers, engine);
    this.sampleRoutes =
        new SampleRoutes(db, clock, new SampleActions(clock, policies, tiers, audit));
  }

  /** Samples tickets ({@link SamplingEngine#sampleTickets}) and assigns open samples. */
  public SamplingEngine engine() {
    return engine;
  }

  /** Assigns open samples to QCs without sampling anything new. */
  public Assigner assigner() {
    return assigner;
  }

  /** Reads and stores policies. */
  public SamplingPolicies policies() {
    return policies;
  }

  /** Computes agents' tiers. */
  public CompetencyTiers tiers() {
    return tiers;
  }

  /** Registers the sampling, queue and sample routes. */
  public void register(RoutesConfig routes) {
    samplingRoutes.register(routes);
    sampleRoutes.register(routes);
  }
}
