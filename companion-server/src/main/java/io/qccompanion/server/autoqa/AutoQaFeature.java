package io.qccompanion.server.autoqa;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.scorecards.Scorecards;
import io.qccompanion.server.store.Database;
import java.time.Clock;

/**
 * The AutoQA feature in the server: the engine, the store of automatic evaluations, the worker that
 * keeps every closed ticket scored, criterion bindings with their agreement gates, and the routes.
 * Team rules are the SOP defaults for every team until per-team settings have a page.
 */
public final class AutoQaFeature {
  private final AutoQa engine;
  private final AutoEvaluations store = new AutoEvaluations();
  private final AutoQaWorker worker;
  private final AutoQaRoutes routes;

  public AutoQaFeature(
      Database db,
      Clock clock,
      AuditLog audit,
      Scorecards scorecards,
      ConversationSource conversations,
      SpotlightSignals.Sink spotlight) {
    this.engine = new AutoQa(AutoQaConfig.DEFAULTS);
    TeamRules rules = TeamRules.DEFAULTS;
    this.worker =
        new AutoQaWorker(
            db,
            clock,
            engine,
            store,
            conversations,
            rules,
            spotlight,
            Runtime.getRuntime().availableProcessors());
    this.routes =
        new AutoQaRoutes(
            db,
            engine,
            rules,
            store,
            new CriterionBindings(scorecards, audit, clock),
            AgreementGate.defaults());
  }

  /** The batch worker; {@code start} it with the other background jobs. */
  public AutoQaWorker worker() {
    return worker;
  }

  /** The HTTP routes of the feature. */
  public AutoQaRoutes routes() {
    return routes;
  }
}
