package io.qccompanion.server.demo;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.compliance.ComplianceEscalations;
import io.qccompanion.server.evaluations.EvaluationRequest;
import io.qccompanion.server.scorecards.ScorecardVersion;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * Replays the past weeks as a QA team would have lived them: each week the sampling engine picks
 * tickets by each agent's tier at the time and assigns them, the QCs grade them (answers follow the
 * simulated agent's skill), so tiers, KPIs and trends build up. The current week is sampled and
 * left in the QCs' queues. Then the workflows get one example each.
 */
final class DemoData {
  private final CompanionApp app;
  private final DemoHosts hosts;
  private final DemoClock clock;
  private final PrintStream out;
  private final DemoGrader grader = new DemoGrader(7);

  DemoData(CompanionApp app, DemoHosts hosts, DemoClock clock, PrintStream out) {
    this.app = app;
    this.hosts = hosts;
    this.clock = clock;
    this.out = out;
  }

  void populate(String adminId, String leadId, String agentUserId) {
    var c = app;
    ScorecardVersion version =
        c.db()
            .write(
                h -> {
                  var scorecard = c.scorecards().create(h, DemoScorecard.draft(), adminId);
                  return c.scorecards().publish(h, scorecard.id(), adminId);
                });
    Instant now = clock.instant();
    Instant thisWeek =
        now.atZone(ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            .truncatedTo(ChronoUnit.DAYS)
            .toInstant();
    Map<String, Double> skill = hosts.skillByEmail();
    int graded = 0;
    for (int weeksAgo = 12; weeksAgo >= 1; weeksAgo--) {
      Instant from = thisWeek.minus(Duration.ofDays(7L * weeksAgo));
      Instant to = from.plus(Duration.ofDays(7));
      clock.pin(to.minusSeconds(3600));
      c.db().run(h -> c.sampling().engine().sampleWindow(h, from, to));
      graded += gradeOpenSamples(version, skill, from);
      resolveEscalationsBefore(from.minus(Duration.ofDays(7)), leadId);
    }
    clock.release();
    var latest =
        c.db().write(h -> c.sampling().engine().sampleWindow(h, thisWeek, clock.instant()));
    out.printf(
        "  graded %d sampled tickets over 12 weeks; %d selected this week; agents by tier: %s%n",
        graded, latest.selected(), tiers(c, thisWeek));
    seedWorkflows(version, leadId, agentUserId);
  }

  /** Agents per competency tier in this week's sampling decisions, e.g. {@code NEW 2, ...}. */
  static Map<String, Integer> tiers(CompanionApp c, Instant weekStart) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    c.db()
        .read(
            h ->
                h.createQuery(
                        """
                        SELECT tier, COUNT(DISTINCT agent_id) FROM sample_decisions
                        WHERE week_start = ? AND tier IS NOT NULL GROUP BY tier""")
                    .bind(0, weekStart.toEpochMilli())
                    .map((rs, ctx) -> out.put(rs.getString(1), rs.getInt(2)))
                    .list());
    return out;
  }

  /**
   * The compliance owner's week: escalations raised before {@code before} are resolved (an open one
   * keeps the agent AT_RISK, so without this every agent who ever failed stays there).
   */
  private void resolveEscalationsBefore(Instant before, String leadId) {
    var c = app;
    c.db()
        .run(
            h -> {
              List<String> ids =
                  h.createQuery(
                          "SELECT id FROM compliance_escalations WHERE status <> 'RESOLVED'"
                              + " AND created_at < ? ORDER BY id")
                      .bind(0, before.toEpochMilli())
                      .mapTo(String.class)
                      .list();
              for (String id : ids)
                c.escalations()
                    .update(
                        h,
                        leadId,
                        id,
                        new ComplianceEscalations.EscalationChange(
                            null,
                            "RESOLVED",
                            null,
                            "Reviewed with the agent in the weekly 1:1; process refresher done.",
                            null));
            });
  }

  private record OpenSample(String ticketId, String qcId, String agentEmail) {}

  private int gradeOpenSamples(
      ScorecardVersion version, Map<String, Double> skill, Instant weekStart) {
    var c = app;
    List<OpenSample> open =
        c.db()
            .read(
                h ->
                    h.createQuery(
                            """
                            SELECT d.ticket_id, d.assigned_qc_id, a.email FROM sample_decisions d
                            JOIN agents a ON a.id = d.agent_id
                            WHERE d.status = 'OPEN' AND d.assigned_qc_id IS NOT NULL AND d.week_start = ?
                            ORDER BY d.id""")
                        .bind(0, weekStart.toEpochMilli())
                        .map(
                            (rs, ctx) ->
                                new OpenSample(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .list());
    for (OpenSample s : open) {
      double agentSkill =
          skill.getOrDefault(s.agentEmail() == null ? "" : s.agentEmail().toLowerCase(), 0.7);
      Principal qc = c.users().principal(s.qcId(), null).orElseThrow();
      var answers = grader.answers(version.definition().sections(), agentSkill);
      Double score = c.scoring().score(version.definition(), answers).score();
      String coaching = score == null ? null : grader.coachingNote(score);
      var create =
          new EvaluationRequest.Create(s.ticketId(), version.id(), null, answers, null, coaching);
      c.db()
          .run(
              h -> {
                var draft = c.evaluations().create(h, qc, create);
                c.evaluations()
                    .submit(h, qc, draft.id(), new EvaluationRequest.Change(null, null, null));
              });
    }
    return open.size();
  }

  private void seedWorkflows(ScorecardVersion version, String leadId, String agentUserId) {
    var c = app;
    Principal lead = c.users().principal(leadId, null).orElseThrow();
    Principal agent = c.users().principal(agentUserId, null).orElseThrow();
    c.db()
        .run(
            h -> {
              String evaluationId =
                  h.createQuery(
                          """
                          SELECT id FROM evaluations WHERE agent_id = ? AND kind = 'REGULAR'
                          AND status = 'SUBMITTED' ORDER BY submitted_at DESC""")
                      .bind(0, agent.agentId())
                      .mapTo(String.class)
                      .findFirst()
                      .orElse(null);
              if (evaluationId == null) return;
              List<String> tickets =
                  h.createQuery(
                          "SELECT ticket_id FROM sample_decisions WHERE status = 'OPEN' ORDER BY id LIMIT 3")
                      .mapTo(String.class)
                      .list();
              List<String> qcs =
                  h.createQuery("SELECT id FROM users WHERE role = 'QC' ORDER BY email")
                      .mapTo(String.class)
                      .list();
              var seeded =
                  new WorkflowDemoData(
                          clock, c.calibrations(), c.feedback(), c.coaching().actionPlans())
                      .seed(h, lead, agent, evaluationId, version.id(), tickets, qcs);
              out.printf(
                  "  workflows: calibration session, open dispute and an action plan with follow-up (%s)%n",
                  seeded.actionPlanId());
            });
  }
}
