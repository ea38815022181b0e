package io.qccompanion.server.demo;

import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.calibration.CalibrationService;
import io.qccompanion.server.coaching.ActionPlans;
import io.qccompanion.server.disputes.FeedbackService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Seeds the demo's QA workflows from data the demo already has: a calibration session, a dispute on
 * an agent's submitted evaluation, and an open action plan (reviewed once it has evaluations).
 */
public final class WorkflowDemoData {
  private final Clock clock;
  private final CalibrationService calibrations;
  private final FeedbackService feedback;
  private final ActionPlans plans;

  public WorkflowDemoData(
      Clock clock, CalibrationService calibrations, FeedbackService feedback, ActionPlans plans) {
    this.clock = clock;
    this.calibrations = calibrations;
    this.feedback = feedback;
    this.plans = plans;
  }

  /** What was created. */
  public record Seeded(String calibrationId, String disputeId, String actionPlanId) {}

  /**
   * Creates the three records inside the caller's transaction.
   *
   * @param lead a QC_LEAD principal (creates the session and the plan)
   * @param agent the AGENT principal of the evaluated agent (disputes {@code evaluationId})
   * @param evaluationId a submitted REGULAR evaluation of that agent, within the dispute window
   * @param qcIds at least two graders for the calibration session
   */
  public Seeded seed(
      Handle h,
      Principal lead,
      Principal agent,
      String evaluationId,
      String scorecardVersionId,
      List<String> ticketIds,
      List<String> qcIds) {
    String session =
        calibrations
            .create(
                h,
                lead.userId(),
                "Demo moderation",
                scorecardVersionId,
                ticketIds,
                qcIds,
                clock.instant().plus(Duration.ofDays(7)),
                null)
            .id();
    String dispute =
        feedback.dispute(h, agent, evaluationId, null, "The customer was greeted by name").id();
    var plan =
        plans.create(
            h,
            lead.userId(),
            new ActionPlans.Draft(
                agent.agentId(),
                lead.userId(),
                "Greet every customer by name",
                "QUALITY_SCORE",
                null,
                90.0,
                10,
                clock.instant().plus(Duration.ofDays(28))));
    return new Seeded(session, dispute, plan.id());
  }
}
