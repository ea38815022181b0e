package io.qccompanion.server.coaching;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SMART action plans and their follow-up review at the due date. */
public final class ActionPlans {
  private final Clock clock;
  private final AuditLog audit;

  public ActionPlans(Clock clock, AuditLog audit) {
    this.clock = clock;
    this.audit = audit;
  }

  /** What a lead sends to start a plan. */
  public record Draft(
      String agentId,
      String ownerId,
      String goal,
      String measure,
      String criterionId,
      Double target,
      Integer overEvaluations,
      Instant dueAt) {}

  /** Starts an OPEN plan now. */
  public ActionPlan create(Handle h, String actorId, Draft d) {
    String agentId = Fields.required(d.agentId(), "/agentId");
    String teamId =
        h.createQuery("SELECT team_id FROM agents WHERE id = :id")
            .bind("id", agentId)
            .mapTo(String.class)
            .findOne()
            .orElseThrow(() -> Invalid.malformed("/agentId", "no agent '" + agentId + "'"));
    String goal = Fields.required(d.goal(), "/goal");
    String measure = Fields.required(d.measure(), "/measure");
    if (!List.of("QUALITY_SCORE", "PASS_RATE", "CRITERION_PASS_RATE").contains(measure))
      throw Invalid.malformed(
          "/measure", "measure must be QUALITY_SCORE, PASS_RATE or CRITERION_PASS_RATE");
    if (measure.equals("CRITERION_PASS_RATE") && d.criterionId() == null)
      throw Invalid.malformed("/criterionId", "a criterion pass rate needs criterionId");
    double target = Fields.range(Fields.required(d.target(), "/target"), 0, 100, "/target");
    int over =
        Fields.range(
            d.overEvaluations() == null ? 10 : d.overEvaluations(), 1, 200, "/overEvaluations");
    Instant due = Fields.required(d.dueAt(), "/dueAt");
    Instant now = clock.instant();
    if (!due.isAfter(now)) throw Invalid.malformed("/dueAt", "dueAt must be in the future");
    String id = Ids.newId();
    h.createUpdate(
            """
            INSERT INTO action_plans (id, agent_id, team_id, owner_id, goal, measure, criterion_id,
              target, over_evaluations, due_at, status, started_at, created_by, created_at)
            VALUES (:id, :agent, :team, :owner, :goal, :measure, :crit, :target, :over, :due, 'OPEN',
              :now, :by, :now)
            """)
        .bind("id", id)
        .bind("agent", agentId)
        .bind("team", teamId)
        .bind("owner", d.ownerId() == null ? actorId : d.ownerId())
        .bind("goal", goal.strip())
        .bind("measure", measure)
        .bind("crit", d.criterionId())
        .bind("target", target)
        .bind("over", over)
        .bind("due", due.toEpochMilli())
        .bind("now", now.toEpochMilli())
        .bind("by", actorId)
        .execute();
    ActionPlan plan = require(h, id);
    audit.record(h, actorId, "action_plan.create", "action_plan", id, null, plan);
    return plan;
  }

  /**
   * The follow-up review: measures the evaluations made since the plan started and records MET,
   * NOT_MET or INCONCLUSIVE (fewer evaluations than planned by the due date). Refused before the
   * due date unless the planned number of evaluations is already in. The verdict explains itself
   * with the numbers: "criterion Empathy pass rate 62 % → 91 % over 12 evaluations since the plan
   * started (target 90 %)".
   */
  public ActionPlan review(Handle h, String actorId, String id) {
    ActionPlan before = require(h, id);
    if (!"OPEN".equals(before.status()))
      throw new Conflict("action plan '" + id + "' was already reviewed");
    long start = before.startedAt().toEpochMilli();
    int over = before.overEvaluations();
    var r =
        QualityMeasure.measure(
            h,
            before.agentId(),
            before.measure(),
            before.criterionId(),
            start,
            Long.MAX_VALUE,
            over);
    boolean due = !clock.instant().isBefore(before.dueAt());
    if (!due && r.count() < over)
      throw new Conflict(
          "too early to review: "
              + r.count()
              + " of "
              + over
              + " evaluations since the plan started; review once "
              + over
              + " evaluations are in or on the due date "
              + before.dueAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
    var baseline =
        QualityMeasure.before(
            h, before.agentId(), before.measure(), before.criterionId(), start, over);
    String what = QualityMeasure.label(h, before.measure(), before.criterionId());
    String numbers =
        what
            + " "
            + (baseline.value() == null ? "no baseline" : percent(baseline.value()))
            + " → "
            + (r.value() == null ? "no result" : percent(r.value()))
            + " over "
            + r.count()
            + (r.count() == 1 ? " evaluation" : " evaluations")
            + " since the plan started (target "
            + percent(before.target())
            + ")";
    String status;
    String verdict;
    if (r.value() == null || r.count() < over) {
      status = "INCONCLUSIVE";
      verdict = "inconclusive: only " + r.count() + " of " + over + " evaluations; " + numbers;
    } else if (r.value() >= before.target()) {
      status = "MET";
      verdict = "effective: " + numbers;
    } else {
      status = "NOT_MET";
      verdict = "not effective: " + numbers;
    }
    h.createUpdate(
            """
            UPDATE action_plans SET status = :status, reviewed_at = :now, achieved = :achieved,
              evaluated = :n, verdict = :verdict WHERE id = :id
            """)
        .bind("status", status)
        .bind("now", clock.millis())
        .bind("achieved", r.value())
        .bind("n", r.count())
        .bind("verdict", verdict)
        .bind("id", id)
        .execute();
    ActionPlan after = require(h, id);
    audit.record(h, actorId, "action_plan.review", "action_plan", id, before, after);
    return after;
  }

  /** "62 %", "91.5 %". */
  static String percent(double value) {
    double rounded = Math.round(value * 10) / 10.0;
    return (rounded == Math.rint(rounded)
            ? String.valueOf((long) rounded)
            : String.valueOf(rounded))
        + " %";
  }

  /** Scheduled job: reviews every OPEN plan whose due date has passed; returns them. */
  public List<ActionPlan> reviewDue(Handle h, String actorId) {
    return reviewDue(h, actorId, team -> true);
  }

  /** Reviews the due OPEN plans of the teams {@code inScope} accepts (a team-scoped lead). */
  public List<ActionPlan> reviewDue(
      Handle h, String actorId, java.util.function.Predicate<String> inScope) {
    List<String> due =
        h.createQuery(
                "SELECT id FROM action_plans WHERE status = 'OPEN' AND due_at <= :now ORDER BY due_at, id")
            .bind("now", clock.millis())
            .mapTo(String.class)
            .list();
    return due.stream()
        .map(id -> require(h, id))
        .filter(plan -> inScope.test(plan.teamId()))
        .map(plan -> review(h, actorId, plan.id()))
        .toList();
  }

  /** The plan, or 404. */
  /** The agent confirms they read the plan addressed to them; again changes nothing. */
  public ActionPlan acknowledge(Handle h, io.qccompanion.server.auth.Principal p, String id) {
    ActionPlan before = require(h, id);
    if (p.agentId() == null || !p.agentId().equals(before.agentId()))
      throw new NotFound("action plan", id);
    if (before.acknowledgedAt() != null) return before;
    h.execute("UPDATE action_plans SET acknowledged_at = ? WHERE id = ?", clock.millis(), id);
    ActionPlan after = require(h, id);
    audit.record(h, p.userId(), "action_plan.acknowledge", "action_plan", id, before, after);
    return after;
  }

  public ActionPlan require(Handle h, String id) {
    return h.createQuery("SELECT " + ActionPlan.COLUMNS + " FROM action_plans WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> ActionPlan.map(rs))
        .findOne()
        .orElseThrow(() -> new NotFound("action plan", id));
  }

  /** Plans of one agent (null = all), newest first. */
  public List<ActionPlan> list(Handle h, String agentId) {
    var q =
        h.createQuery(
            "SELECT "
                + ActionPlan.COLUMNS
                + " FROM action_plans"
                + (agentId == null ? "" : " WHERE agent_id = :agent")
                + " ORDER BY created_at DESC, id");
    if (agentId != null) q.bind("agent", agentId);
    return q.map((rs, ctx) -> ActionPlan.map(rs)).list();
  }

  /** The newest open plan of the agent, if any. */
  public Optional<ActionPlan> open(Handle h, String agentId) {
    return list(h, agentId).stream().filter(p -> "OPEN".equals(p.status())).findFirst();
  }
}
