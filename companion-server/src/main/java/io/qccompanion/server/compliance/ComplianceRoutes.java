package io.qccompanion.server.compliance;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Compliance escalations for managers and leads: list, CSV export, raise, sweep, update. */
public final class ComplianceRoutes {
  private static final Role[] OVERSEERS = {Role.ADMIN, Role.MANAGER, Role.QC_LEAD};
  private final Database db;
  private final ComplianceEscalations escalations;

  public ComplianceRoutes(Database db, ComplianceEscalations escalations) {
    this.db = db;
    this.escalations = escalations;
  }

  record Raise(String evaluationId) {}

  public void register(RoutesConfig r) {
    r.get("/api/v1/compliance/escalations", this::list, OVERSEERS);
    r.get("/api/v1/compliance/escalations/export", this::export, OVERSEERS);
    r.post("/api/v1/compliance/escalations", this::raise, OVERSEERS);
    r.post("/api/v1/compliance/escalations/sweep", this::sweep, Role.ADMIN, Role.QC_LEAD);
    r.get("/api/v1/compliance/escalations/{id}", this::get, OVERSEERS);
    r.patch("/api/v1/compliance/escalations/{id}", this::update, OVERSEERS);
  }

  void list(Context ctx) {
    ctx.json(Map.of("items", visible(ctx)));
  }

  void export(Context ctx) {
    ZoneId zone = zone(ctx.queryParam("timeZone"));
    List<Escalation> rows = visible(ctx);
    String csv = db.read(h -> EscalationCsv.write(h, rows, zone));
    ctx.contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"escalations.csv\"")
        .result(csv);
  }

  /** The reader's IANA zone for the export's times; UTC when not given. */
  static ZoneId zone(String value) {
    if (value == null || value.isBlank()) return ZoneId.of("UTC");
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw HttpProblem.invalid("timeZone", "timeZone must be an IANA zone like Europe/Paris");
    }
  }

  void raise(Context ctx) {
    var body = Bodies.read(ctx, Raise.class);
    if (body.evaluationId() == null)
      throw HttpProblem.invalid("/evaluationId", "evaluationId is required");
    Principal p = Authenticator.principal(ctx);
    var raised =
        db.write(
            h -> {
              String team =
                  h.createQuery("SELECT team_id FROM evaluations WHERE id = :id")
                      .bind("id", body.evaluationId())
                      .mapTo(String.class)
                      .findOne()
                      .orElse(null);
              if (!p.seesTeam(team)) throw HttpProblem.notFound("evaluation", body.evaluationId());
              return escalations.raiseFor(h, body.evaluationId());
            });
    if (raised.isEmpty())
      throw HttpProblem.unprocessable(
          "/evaluationId", "the evaluation has no critical fail or compliance flag");
    ctx.status(201).json(raised.get());
  }

  void sweep(Context ctx) {
    ctx.json(Map.of("raised", db.write(escalations::sweep)));
  }

  void get(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    Escalation e = db.read(h -> escalations.require(h, ctx.pathParam("id")));
    if (!p.seesTeam(e.teamId())) throw HttpProblem.notFound("escalation", e.id());
    ctx.json(e);
  }

  void update(Context ctx) {
    var change = Bodies.read(ctx, ComplianceEscalations.EscalationChange.class);
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ctx.json(
        db.write(
            h -> {
              if (!p.seesTeam(escalations.require(h, id).teamId()))
                throw HttpProblem.notFound("escalation", id);
              return escalations.update(h, p.userId(), id, change);
            }));
  }

  private List<Escalation> visible(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String status = ctx.queryParam("status");
    if (status != null && !List.of("OPEN", "IN_PROGRESS", "RESOLVED").contains(status))
      throw HttpProblem.invalid("status", "status must be OPEN, IN_PROGRESS or RESOLVED");
    return db.read(h -> escalations.list(h, status, 0, Long.MAX_VALUE)).stream()
        .filter(e -> p.seesTeam(e.teamId()))
        .toList();
  }
}
