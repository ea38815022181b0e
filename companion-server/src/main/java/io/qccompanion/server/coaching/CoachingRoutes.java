package io.qccompanion.server.coaching;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.users.AgentScope;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/** Coaching sessions (GROW), SMART action plans with follow-up, training and self-reviews. */
final class CoachingRoutes {
  private static final Role[] COACHES = {Role.ADMIN, Role.MANAGER, Role.QC_LEAD};
  private final Database db;
  private final CoachingSessions sessions;
  private final ActionPlans plans;
  private final TrainingRecords training;
  private final SelfReviews selfReviews;

  public CoachingRoutes(
      Database db,
      CoachingSessions sessions,
      ActionPlans plans,
      TrainingRecords training,
      SelfReviews selfReviews) {
    this.db = db;
    this.sessions = sessions;
    this.plans = plans;
    this.training = training;
    this.selfReviews = selfReviews;
  }

  public void register(RoutesConfig r) {
    r.post("/api/v1/coaching/sessions", this::createSession, COACHES);
    r.get("/api/v1/coaching/sessions", this::listSessions, Role.ANYONE);
    r.get("/api/v1/coaching/criteria", this::criteria, COACHES);
    r.post("/api/v1/coaching/sessions/{id}/acknowledge", this::acknowledge, Role.AGENT);
    r.post("/api/v1/action-plans", this::createPlan, COACHES);
    r.get("/api/v1/action-plans", this::listPlans, Role.ANYONE);
    r.post("/api/v1/action-plans/reviews/run", this::runReviews, COACHES);
    r.get("/api/v1/action-plans/{id}", this::getPlan, Role.ANYONE);
    r.post("/api/v1/action-plans/{id}/review", this::reviewPlan, COACHES);
    r.post("/api/v1/action-plans/{id}/acknowledge", this::acknowledgePlan, Role.AGENT);
    r.post("/api/v1/training", this::assign, COACHES);
    r.get("/api/v1/training", this::listTraining, Role.ANYONE);
    r.post("/api/v1/training/{id}/complete", this::complete, Role.ANYONE);
    r.post("/api/v1/training/{id}/review", this::reviewTraining, COACHES);
    r.post("/api/v1/self-reviews", this::selfReview, Role.AGENT);
    r.get("/api/v1/self-reviews/candidates", this::candidates, Role.AGENT);
    r.get("/api/v1/self-reviews/scorecard", this::selfReviewScorecard, Role.AGENT);
    r.get("/api/v1/self-reviews/{id}", this::gap, Role.ANYONE);
  }

  void createSession(Context ctx) {
    var d = Bodies.read(ctx, CoachingSessions.Draft.class);
    Principal p = Authenticator.principal(ctx);
    ctx.status(201)
        .json(
            db.write(
                h -> {
                  AgentScope.require(h, p, d.agentId(), "/agentId");
                  return sessions.create(h, p.userId(), d);
                }));
  }

  void listSessions(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String agent = agentFilter(ctx, p);
    ctx.json(
        Map.of(
            "items",
            scoped(p, db.read(h -> sessions.list(h, agent)), CoachingSessions.Session::teamId)));
  }

  void criteria(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String agentId = ctx.queryParam("agentId");
    if (agentId == null || agentId.isBlank())
      throw HttpProblem.invalid("agentId", "agentId is required");
    ctx.json(
        db.read(
            h -> {
              AgentScope.require(h, p, agentId, "agentId");
              return sessions.criteria(h, agentId);
            }));
  }

  void acknowledge(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ctx.json(db.write(h -> sessions.acknowledge(h, p, ctx.pathParam("id"))));
  }

  void createPlan(Context ctx) {
    var d = Bodies.read(ctx, ActionPlans.Draft.class);
    Principal p = Authenticator.principal(ctx);
    ctx.status(201)
        .json(
            db.write(
                h -> {
                  AgentScope.require(h, p, d.agentId(), "/agentId");
                  requireOwner(h, d.ownerId());
                  return plans.create(h, p.userId(), d);
                }));
  }

  void listPlans(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String agent = agentFilter(ctx, p);
    ctx.json(Map.of("items", scoped(p, db.read(h -> plans.list(h, agent)), ActionPlan::teamId)));
  }

  void getPlan(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ActionPlan plan = db.read(h -> plans.require(h, ctx.pathParam("id")));
    if (scoped(p, List.of(plan), ActionPlan::teamId).isEmpty()
        || p.role() == Role.AGENT && !plan.agentId().equals(p.agentId()))
      throw HttpProblem.notFound("action plan", plan.id());
    ctx.json(plan);
  }

  void acknowledgePlan(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ctx.json(db.write(h -> plans.acknowledge(h, p, ctx.pathParam("id"))));
  }

  void reviewPlan(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ctx.json(
        db.write(
            h -> {
              if (!p.seesTeam(plans.require(h, id).teamId()))
                throw HttpProblem.notFound("action plan", id);
              return plans.review(h, p.userId(), id);
            }));
  }

  void runReviews(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ctx.json(Map.of("items", db.write(h -> plans.reviewDue(h, p.userId(), p::seesTeam))));
  }

  void assign(Context ctx) {
    var d = Bodies.read(ctx, TrainingRecords.Draft.class);
    Principal p = Authenticator.principal(ctx);
    ctx.status(201)
        .json(
            db.write(
                h -> {
                  AgentScope.require(h, p, d.agentId(), "/agentId");
                  return training.assign(h, p.userId(), d);
                }));
  }

  void listTraining(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String agent = agentFilter(ctx, p);
    ctx.json(
        Map.of(
            "items",
            scoped(p, db.read(h -> training.list(h, agent)), TrainingRecords.Training::teamId)));
  }

  void complete(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ctx.json(
        db.write(
            h -> {
              var t = training.require(h, id);
              if (!AgentScope.sees(p, t.agentId(), t.teamId()))
                throw HttpProblem.notFound("training", id);
              return training.complete(h, p, id);
            }));
  }

  void reviewTraining(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ctx.json(
        db.write(
            h -> {
              if (!p.seesTeam(training.require(h, id).teamId()))
                throw HttpProblem.notFound("training", id);
              return training.review(h, p.userId(), id);
            }));
  }

  void selfReview(Context ctx) {
    var d = Bodies.read(ctx, SelfReviews.Draft.class);
    Principal p = Authenticator.principal(ctx);
    ctx.status(201).json(db.write(h -> selfReviews.create(h, p, d)));
  }

  void candidates(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ctx.json(Map.of("items", db.read(h -> selfReviews.candidates(h, p))));
  }

  void selfReviewScorecard(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String ticketId = ctx.queryParam("ticketId");
    if (ticketId == null || ticketId.isBlank())
      throw HttpProblem.invalid("ticketId", "ticketId is required");
    ctx.json(db.read(h -> selfReviews.scorecardFor(h, p, ticketId)));
  }

  void gap(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ctx.json(db.read(h -> selfReviews.gap(h, p, ctx.pathParam("id"))));
  }

  // the plan's owner must be an active staff user (else a foreign-key failure, or a stranger)
  private static void requireOwner(Handle h, String ownerId) {
    if (ownerId == null) return;
    int found =
        h.createQuery(
                "SELECT COUNT(*) FROM users WHERE id = :id AND active = 1 AND role <> 'AGENT'")
            .bind("id", ownerId)
            .mapTo(Integer.class)
            .one();
    if (found == 0) throw HttpProblem.unprocessable("/ownerId", "no staff user '" + ownerId + "'");
  }

  /** Agents always see only their own records; others may filter by agentId. */
  private static String agentFilter(Context ctx, Principal p) {
    if (p.role() == Role.AGENT) return p.agentId() == null ? "-" : p.agentId();
    String agent = ctx.queryParam("agentId");
    return agent == null || agent.isBlank() ? null : agent;
  }

  private static <T> List<T> scoped(Principal p, List<T> rows, Function<T, String> teamOf) {
    if (p.role() == Role.AGENT) return rows;
    return rows.stream().filter(r -> p.seesTeam(teamOf.apply(r))).toList();
  }
}
