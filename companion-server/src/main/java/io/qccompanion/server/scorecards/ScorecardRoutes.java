package io.qccompanion.server.scorecards;

import static io.qccompanion.server.auth.Role.ADMIN;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.util.Map;

/** Scorecard administration (admins write, staff read) and published versions (anyone reads). */
public final class ScorecardRoutes {
  private final Database db;
  private final Scorecards scorecards;

  public ScorecardRoutes(Database db, Scorecards scorecards) {
    this.db = db;
    this.scorecards = scorecards;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/scorecards", this::list, Role.STAFF);
    r.post("/api/v1/scorecards", this::create, ADMIN);
    r.get("/api/v1/scorecards/{id}", this::get, Role.STAFF);
    r.put("/api/v1/scorecards/{id}", this::update, ADMIN);
    r.post("/api/v1/scorecards/{id}/publish", this::publish, ADMIN);
    r.post("/api/v1/scorecards/{id}/archive", this::archive, ADMIN);
    r.get("/api/v1/scorecard-versions/{id}", this::version, Role.ANYONE);
  }

  void list(Context ctx) {
    boolean all = "true".equals(ctx.queryParam("includeArchived"));
    ctx.json(Map.of("items", db.read(h -> scorecards.list(h, all))));
  }

  void create(Context ctx) {
    ScorecardDraft draft = Bodies.read(ctx, ScorecardDraft.class);
    String actor = Authenticator.principal(ctx).userId();
    ctx.status(201).json(db.write(h -> scorecards.create(h, draft, actor)));
  }

  void get(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(db.read(h -> scorecards.require(h, id)));
  }

  void update(Context ctx) {
    ScorecardDraft draft = Bodies.read(ctx, ScorecardDraft.class);
    String actor = Authenticator.principal(ctx).userId();
    ctx.json(db.write(h -> scorecards.update(h, ctx.pathParam("id"), draft, actor)));
  }

  void publish(Context ctx) {
    String actor = Authenticator.principal(ctx).userId();
    ctx.status(201).json(db.write(h -> scorecards.publish(h, ctx.pathParam("id"), actor)));
  }

  void archive(Context ctx) {
    String actor = Authenticator.principal(ctx).userId();
    ctx.json(db.write(h -> scorecards.archive(h, ctx.pathParam("id"), actor)));
  }

  void version(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(
        db.read(h -> scorecards.version(h, id))
            .orElseThrow(() -> HttpProblem.notFound("scorecard version", id)));
  }
}
