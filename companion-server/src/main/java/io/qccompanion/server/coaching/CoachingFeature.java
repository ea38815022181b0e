package io.qccompanion.server.coaching;

import io.javalin.config.RoutesConfig;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.evaluations.EvaluationGateway;
import io.qccompanion.server.sampling.RaisedSamplingSignal;
import io.qccompanion.server.scorecards.ScorecardSelector;
import io.qccompanion.server.store.Database;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/**
 * The coaching feature: GROW sessions, SMART action plans with their follow-up review, training
 * records and self-reviews, and their routes. The one door into the package.
 */
public final class CoachingFeature {
  private final ActionPlans plans;
  private final CoachingRoutes routes;

  public CoachingFeature(
      Database db,
      Clock clock,
      AuditLog audit,
      EvaluationGateway gateway,
      ScorecardSelector selector) {
    this.plans = new ActionPlans(clock, audit);
    this.routes =
        new CoachingRoutes(
            db,
            new CoachingSessions(clock, audit),
            plans,
            new TrainingRecords(clock, audit),
            new SelfReviews(clock, audit, gateway, selector));
  }

  /** Keeps an agent at raised sampling while an action plan or an escalation of theirs is open. */
  public static RaisedSamplingSignal samplingSignal() {
    return new ActionPlanSamplingSignal();
  }

  public void register(RoutesConfig r) {
    routes.register(r);
  }

  /** Action plans, which the demo seeds as the API would. */
  public ActionPlans actionPlans() {
    return plans;
  }

  /** Reviews every plan whose follow-up is due; a daily job. */
  public void reviewDue(Handle h) {
    plans.reviewDue(h, null);
  }
}
