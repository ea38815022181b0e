package io.qccompanion.server.workflows;

import static io.qccompanion.server.workflows.WorkflowFixture.answers;
import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.coaching.CoachingFeature;
import io.qccompanion.server.demo.WorkflowDemoData;
import io.qccompanion.server.sampling.RaisedSamplingSignal;
import io.qccompanion.server.testing.TestApp;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowDemoDataTest {

  private static String reason(
      io.qccompanion.server.CompanionApp c,
      RaisedSamplingSignal signal,
      String agent,
      TestApp app) {
    String why = c.db().read(h -> signal.raisedBecause(h, agent, app.clock().instant()));
    return why;
  }

  @Test
  void demoSeedCreatesASessionADisputeAndAnOpenPlanThatRaisesSampling() {
    try (TestApp app = TestApp.start()) {
      var f = new WorkflowFixture(app);
      var c = app.c();
      String agent = f.agent("Demo");
      var qc1 = app.as(Role.QC);
      var qc2 = app.as(Role.QC);
      String ticket = f.ticket(agent);
      String evaluation = f.evaluate(qc1, ticket, "REGULAR", answers(0, 4, 1));
      app.clock().advance(java.time.Duration.ofMinutes(1));
      app.as(Role.AGENT, agent, List.of(f.teamId));
      var signal = CoachingFeature.samplingSignal();
      assertThat(reason(c, signal, agent, app)).isNull();
      var lead = app.as(Role.QC_LEAD);
      String leadId = WorkflowFixture.userId(lead);
      String agentUserId =
          c.db()
              .read(
                  h ->
                      h.createQuery("SELECT id FROM users WHERE agent_id = :a")
                          .bind("a", agent)
                          .mapTo(String.class)
                          .one());
      var demo =
          new WorkflowDemoData(
              c.clock(), c.calibrations(), c.feedback(), c.coaching().actionPlans());
      var seeded =
          c.db()
              .write(
                  h ->
                      demo.seed(
                          h,
                          c.users().principal(leadId, null).orElseThrow(),
                          c.users().principal(agentUserId, null).orElseThrow(),
                          evaluation,
                          f.versionId,
                          List.of(ticket),
                          List.of(WorkflowFixture.userId(qc1), WorkflowFixture.userId(qc2))));
      assertThat(lead.get("/api/v1/calibrations/" + seeded.calibrationId()).status())
          .isEqualTo(200);
      assertThat(lead.get("/api/v1/disputes/" + seeded.disputeId()).json().get("status").asText())
          .isEqualTo("OPEN");
      var plan = lead.get("/api/v1/action-plans/" + seeded.actionPlanId()).json();
      assertThat(plan.get("status").asText()).as("no early review").isEqualTo("OPEN");
      assertThat(reason(c, signal, agent, app))
          .isEqualTo("open action plan '" + plan.get("goal").asText() + "'");
    }
  }
}
