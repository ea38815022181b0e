package io.qccompanion.server.sampling;

import io.qccompanion.server.audit.AuditLog;
import java.time.Clock;

/**
 * The sampling feature: risk-based competency tiers, deterministic selection with triggers and
 * weekly quotas, assignment to QCs and replacement. Sync calls {@link #engine()}; {@link
 * SamplingRoutes} serves the API.
 */
public final class Sampling {
  private final SamplingPolicies policies;
  private final CompetencyTiers tiers;
  private final Assigner assigner;
  private final SamplingEngine engine;
  private final Clock clock;
  private final SampleActions actions;

  /** Builds the feature; {@code raised} lets another feature keep agents' sampling raised. */
  public Sampling(Clock clock, AuditLog audit, RaisedSamplingSignal raised) {
    this.policies = new SamplingPolicies(clock, audit);
    this.tiers = new CompetencyTiers(clock, raised);
    this.assigner = new Assigner();
    this.engine = new SamplingEngine(clock, policies, tiers, assigner);
    this.clock = clock;
    this.actions = new SampleActions(clock, policies, tiers, audit);
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

  Clock clock() {
    return clock;
  }

  SampleActions actions() {
    return actions;
  }
}
