package io.qccompanion.server.evaluations;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Cursor;
import io.qccompanion.server.outbox.Outbox;
import io.qccompanion.server.scoring.ScoringEngine;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.CursorParams;
import io.qccompanion.server.web.HttpProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** Evaluations: graders draft and submit their own; reads follow {@link EvaluationAccess}. */
public final class EvaluationRoutes {
  private static final String[] STATUSES = {"DRAFT", "SUBMITTED", "DISPUTED", "AMENDED", "UPHELD"};
  private final Database db;
  private final EvaluationService service;
  private final EvaluationViews views;
  private final Duration editWindow;

  public EvaluationRoutes(
      Database db,
      EvaluationService service,
      ScoringEngine engine,
      Outbox outbox,
      Duration editWindow) {
    this.db = db;
    this.service = service;
    this.editWindow = editWindow;
    this.views = new EvaluationViews(service, engine, outbox, editWindow);
  }

  public void register(RoutesConfig r) {
    r.post("/api/v1/evaluations", this::create, Role.GRADERS);
    r.get("/api/v1/evaluations", this::list, Role.ANYONE);
    r.get("/api/v1/evaluations/{id}", this::get, Role.ANYONE);
    r.patch("/api/v1/evaluations/{id}", this::change, Role.GRADERS);
    r.post("/api/v1/evaluations/{id}/submit", this::submit, Role.GRADERS);
    r.post("/api/v1/evaluations/{id}/revise", this::revise, Role.GRADERS);
    r.get("/api/v1/evaluations/{id}/revisions", this::revisions, Role.ANYONE);
  }

  void create(Context ctx) {
    var req = Bodies.read(ctx, EvaluationRequest.Create.class);
    Principal p = Authenticator.principal(ctx);
    ctx.status(201).json(detailed(db.write(h -> service.create(h, p, req))));
  }

  void change(Context ctx) {
    var req = Bodies.read(ctx, EvaluationRequest.Change.class);
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ctx.json(detailed(db.write(h -> service.change(h, p, id, req))));
  }

  void submit(Context ctx) {
    var req = ctx.body().isBlank() ? null : Bodies.read(ctx, EvaluationRequest.Change.class);
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ctx.json(detailed(db.write(h -> service.submit(h, p, id, req))));
  }

  void revise(Context ctx) {
    var req = Bodies.read(ctx, EvaluationRequest.Change.class);
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ctx.json(detailed(db.write(h -> service.revise(h, p, id, req, editWindow))));
  }

  // Built after the commit, outside the write turn: names, ticket, revisions and write-back status
  // are committed reads that other writers need not wait for.
  private EvaluationView detailed(Evaluation written) {
    return db.read(h -> views.detailed(h, written));
  }

  void get(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ctx.json(db.read(h -> views.detailed(h, service.readable(h, p, id))));
  }

  void revisions(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ctx.json(
        db.read(
            h -> {
              service.readable(h, p, id);
              return Map.of("items", service.store().revisions(h, id));
            }));
  }

  void list(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    Cursor cursor = CursorParams.from(ctx);
    var query =
        new EvaluationQuery(
            ctx.queryParam("agentId"),
            ctx.queryParam("teamId"),
            ctx.queryParam("qcId"),
            ctx.queryParam("ticketId"),
            oneOf(ctx.queryParam("status"), "status", STATUSES),
            oneOf(ctx.queryParam("kind"), "kind", "REGULAR", "CALIBRATION"),
            instant(ctx.queryParam("from"), "from"),
            instant(ctx.queryParam("to"), "to"));
    Map<String, Object> page = new HashMap<>();
    db.read(
        h -> {
          var slice = cursor.slice(query.run(h, p, cursor), Evaluation::sortKey, Evaluation::id);
          page.put("items", views.summaries(h, slice.items()));
          if (slice.nextCursor() != null) page.put("nextCursor", slice.nextCursor());
          return null;
        });
    ctx.json(page);
  }

  private static String oneOf(String value, String field, String... allowed) {
    if (value == null || value.isBlank()) return null;
    for (String a : allowed) if (a.equalsIgnoreCase(value.strip())) return a;
    throw HttpProblem.invalid(field, field + " must be one of " + String.join(", ", allowed));
  }

  private static Long instant(String value, String field) {
    if (value == null || value.isBlank()) return null;
    try {
      return Instant.parse(value.strip()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw HttpProblem.invalid(
          field, field + " must be an ISO-8601 instant, e.g. 2026-11-02T00:00:00Z");
    }
  }
}
