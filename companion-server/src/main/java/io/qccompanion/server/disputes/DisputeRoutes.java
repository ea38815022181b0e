package io.qccompanion.server.disputes;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Cursor;
import io.qccompanion.server.evaluations.Evaluation;
import io.qccompanion.server.evaluations.EvaluationGateway;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.CursorParams;
import io.qccompanion.server.web.HttpProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Feedback (acknowledge, respond, dispute), dispute resolution and dispute rules. */
public final class DisputeRoutes {
  private final Database db;
  private final FeedbackService service;
  private final EvaluationGateway evaluations;
  private final Clock clock;

  public DisputeRoutes(
      Database db, FeedbackService service, EvaluationGateway evaluations, Clock clock) {
    this.db = db;
    this.service = service;
    this.evaluations = evaluations;
    this.clock = clock;
  }

  record EvaluationRef(String evaluationId) {}

  record Response(String evaluationId, String text) {}

  record DisputeRequest(String evaluationId, String criterionId, String reason) {}

  record Resolution(String outcome, String explanation, Map<String, Answer> answers) {}

  public void register(RoutesConfig r) {
    r.post("/api/v1/feedback/acknowledgements", this::acknowledge, Role.AGENT);
    r.post("/api/v1/feedback/responses", this::respond, Role.AGENT);
    r.get("/api/v1/feedback", this::onEvaluation, Role.ANYONE);
    r.post("/api/v1/disputes", this::dispute, Role.AGENT);
    r.get("/api/v1/disputes", this::list, Role.ANYONE);
    r.get("/api/v1/disputes/rules", this::rules, Role.ANYONE);
    r.put("/api/v1/disputes/rules", this::putRules, Role.ADMIN);
    r.get("/api/v1/disputes/{id}", this::get, Role.ANYONE);
    r.post("/api/v1/disputes/{id}/resolve", this::resolve, Role.QC_LEAD, Role.ADMIN);
  }

  void acknowledge(Context ctx) {
    var body = Bodies.read(ctx, EvaluationRef.class);
    Principal p = Authenticator.principal(ctx);
    ctx.status(201).json(db.write(h -> service.acknowledge(h, p, body.evaluationId())));
  }

  void respond(Context ctx) {
    var body = Bodies.read(ctx, Response.class);
    Principal p = Authenticator.principal(ctx);
    ctx.status(201).json(db.write(h -> service.respond(h, p, body.evaluationId(), body.text())));
  }

  void dispute(Context ctx) {
    var body = Bodies.read(ctx, DisputeRequest.class);
    Principal p = Authenticator.principal(ctx);
    ctx.status(201)
        .json(
            db.write(
                h ->
                    service.dispute(h, p, body.evaluationId(), body.criterionId(), body.reason())));
  }

  void resolve(Context ctx) {
    var body = Bodies.read(ctx, Resolution.class);
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ctx.json(
        db.write(
            h -> service.resolve(h, p, id, body.outcome(), body.explanation(), body.answers())));
  }

  void rules(Context ctx) {
    ctx.json(db.read(service::rules));
  }

  void putRules(Context ctx) {
    var body = Bodies.read(ctx, DisputeRules.class);
    Principal p = Authenticator.principal(ctx);
    ctx.json(db.write(h -> service.putRules(h, body, p.userId())));
  }

  void get(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    Feedback f = db.read(h -> service.require(h, ctx.pathParam("id")));
    if (!"DISPUTE".equals(f.kind()) || !visible(p, f))
      throw HttpProblem.notFound("dispute", ctx.pathParam("id"));
    ctx.json(f);
  }

  void onEvaluation(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String evaluationId = ctx.queryParam("evaluationId");
    if (evaluationId == null || evaluationId.isBlank())
      throw HttpProblem.invalid("evaluationId", "evaluationId is required");
    ctx.json(
        db.read(
            h -> {
              Evaluation e = evaluations.require(h, evaluationId);
              boolean own = p.agentId() != null && p.agentId().equals(e.agentId());
              if (p.role() == Role.AGENT ? !own : !p.seesTeam(e.teamId()))
                throw HttpProblem.notFound("evaluation", evaluationId);
              return Map.of("items", service.onEvaluation(h, evaluationId));
            }));
  }

  void list(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    Cursor cursor = CursorParams.from(ctx);
    String status = ctx.queryParam("status");
    boolean overdueOnly = "true".equalsIgnoreCase(ctx.queryParam("overdue"));
    long now = clock.millis();
    StringBuilder sql =
        new StringBuilder("SELECT " + Feedback.COLUMNS + " FROM feedback WHERE kind = 'DISPUTE'");
    Map<String, Object> binds = new HashMap<>();
    if (status != null && !status.isBlank()) {
      String s = status.strip().toUpperCase();
      if (!List.of("OPEN", "UPHELD", "AMENDED").contains(s))
        throw HttpProblem.invalid("status", "status must be OPEN, UPHELD or AMENDED");
      sql.append(" AND status = :status");
      binds.put("status", s);
    }
    if (overdueOnly) {
      sql.append(" AND status = 'OPEN' AND due_at < :now");
      binds.put("now", now);
    }
    if (p.role() == Role.AGENT) {
      sql.append(" AND agent_id = :agent");
      binds.put("agent", p.agentId() == null ? "" : p.agentId());
    }
    if (!cursor.first()) {
      sql.append(" AND (created_at > :k OR (created_at = :k AND id > :cid))");
      binds.put("k", cursor.sortKey());
      binds.put("cid", cursor.id());
    }
    sql.append(" ORDER BY created_at, id");
    List<Feedback> rows =
        db.read(
            h ->
                h.createQuery(sql.toString())
                    .bindMap(binds)
                    .map((rs, c) -> Feedback.map(rs, now))
                    .list());
    List<Feedback> visible = new ArrayList<>();
    for (Feedback f : rows) {
      if (visible.size() > cursor.limit()) break;
      if (visible(p, f)) visible.add(f);
    }
    var slice = cursor.slice(visible, f -> f.createdAt().toEpochMilli(), Feedback::id);
    Map<String, Object> page = new HashMap<>();
    page.put("items", slice.items());
    if (slice.nextCursor() != null) page.put("nextCursor", slice.nextCursor());
    ctx.json(page);
  }

  private static boolean visible(Principal p, Feedback f) {
    if (p.role() == Role.AGENT) return p.agentId() != null && p.agentId().equals(f.agentId());
    if (p.role() == Role.QC) return p.userId().equals(f.qcId());
    return p.seesTeam(f.teamId());
  }
}
