package io.qccompanion.server.calibration;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.evaluations.Evaluation;
import io.qccompanion.server.evaluations.EvaluationGateway;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/** Calibration sessions: create, blind grades, reveal, benchmark, reports. */
public final class CalibrationRoutes {
  private static final Role[] LEADS = {Role.ADMIN, Role.QC_LEAD};
  private static final Role[] VIEWERS = {Role.ADMIN, Role.MANAGER, Role.QC_LEAD, Role.QC};
  private final Database db;
  private final CalibrationService service;
  private final EvaluationGateway evaluations;
  private final GraderConsistency consistency;

  public CalibrationRoutes(
      Database db,
      CalibrationService service,
      EvaluationGateway evaluations,
      GraderConsistency consistency) {
    this.db = db;
    this.service = service;
    this.evaluations = evaluations;
    this.consistency = consistency;
  }

  record Create(
      String title, String scorecardVersionId, List<String> ticketIds, List<String> qcIds) {}

  record Reveal(String notes) {}

  record Benchmark(Map<String, Answer> answers, String note) {}

  public void register(RoutesConfig r) {
    r.post("/api/v1/calibrations", this::create, LEADS);
    r.get("/api/v1/calibrations/report", this::overTime, Role.ADMIN, Role.MANAGER, Role.QC_LEAD);
    r.get("/api/v1/calibrations/{id}", this::get, VIEWERS);
    r.get("/api/v1/calibrations/{id}/grades", this::grades, VIEWERS);
    r.post("/api/v1/calibrations/{id}/reveal", this::reveal, LEADS);
    r.put("/api/v1/calibrations/{id}/benchmarks/{ticketId}", this::benchmark, LEADS);
    r.get("/api/v1/calibrations/{id}/report", this::report, VIEWERS);
    r.get(
        "/api/v1/reports/grader-consistency",
        this::graderConsistency,
        Role.ADMIN,
        Role.MANAGER,
        Role.QC_LEAD);
  }

  void create(Context ctx) {
    var b = Bodies.read(ctx, Create.class);
    Principal p = Authenticator.principal(ctx);
    ctx.status(201)
        .json(
            db.write(
                h ->
                    service.create(
                        h,
                        p.userId(),
                        b.title(),
                        b.scorecardVersionId(),
                        b.ticketIds(),
                        b.qcIds())));
  }

  void get(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ctx.json(
        db.read(
            h -> {
              CalibrationSession s = visible(h, p, ctx.pathParam("id"));
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("session", s);
              List<Map<String, Object>> progress = new ArrayList<>();
              for (Evaluation e : service.grades(h, s))
                progress.add(Map.of("ticketId", e.ticketId(), "qcId", e.qcId(), "submitted", true));
              out.put("submitted", progress);
              return out;
            }));
  }

  void grades(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ctx.json(
        db.read(
            h -> {
              CalibrationSession s = visible(h, p, ctx.pathParam("id"));
              boolean all = service.seesAllGrades(p, s);
              List<Map<String, Object>> items = new ArrayList<>();
              for (Evaluation e : service.grades(h, s)) {
                if (!all && !e.qcId().equals(p.userId())) continue;
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("evaluationId", e.id());
                g.put("ticketId", e.ticketId());
                g.put("qcId", e.qcId());
                g.put("score", e.score());
                g.put("answers", new TreeMap<>(e.answers()));
                items.add(g);
              }
              return Map.of("revealed", s.revealed(), "items", items);
            }));
  }

  void reveal(Context ctx) {
    var b = ctx.body().isBlank() ? new Reveal(null) : Bodies.read(ctx, Reveal.class);
    Principal p = Authenticator.principal(ctx);
    ctx.json(db.write(h -> service.reveal(h, p.userId(), ctx.pathParam("id"), b.notes())));
  }

  void benchmark(Context ctx) {
    var b = Bodies.read(ctx, Benchmark.class);
    Principal p = Authenticator.principal(ctx);
    ctx.json(
        db.write(
            h ->
                Map.of(
                    "answers",
                    service.recordBenchmark(
                        h,
                        p.userId(),
                        ctx.pathParam("id"),
                        ctx.pathParam("ticketId"),
                        b.answers(),
                        b.note()))));
  }

  void report(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ctx.json(
        db.read(
            h -> {
              CalibrationSession s = visible(h, p, ctx.pathParam("id"));
              if (!service.seesAllGrades(p, s))
                throw HttpProblem.forbidden("the report opens once the lead reveals the grades");
              return report(h, s);
            }));
  }

  void overTime(Context ctx) {
    long from = instant(ctx.queryParam("from"), "from", 0L);
    long to = instant(ctx.queryParam("to"), "to", Long.MAX_VALUE);
    ctx.json(db.read(h -> consistency.calibrationOverTime(h, from, to)));
  }

  void graderConsistency(Context ctx) {
    long from = instant(ctx.queryParam("from"), "from", 0L);
    long to = instant(ctx.queryParam("to"), "to", Long.MAX_VALUE);
    ctx.json(db.read(h -> consistency.report(h, from, to)));
  }

  CalibrationReport report(Handle h, CalibrationSession s) {
    var def = evaluations.definition(h, s.scorecardVersionId(), "/scorecardVersionId");
    return CalibrationReport.of(
        s.id(),
        def,
        service.grades(h, s),
        service.benchmarks(h, s.id()),
        answers -> {
          try {
            return evaluations.score(def, answers).score();
          } catch (Invalid incomplete) {
            return null;
          }
        });
  }

  private CalibrationSession visible(Handle h, Principal p, String id) {
    CalibrationSession s = service.require(h, id);
    if (!service.participates(p, s)) throw HttpProblem.notFound("calibration", id);
    return s;
  }

  static long instant(String value, String field, long fallback) {
    if (value == null || value.isBlank()) return fallback;
    try {
      return Instant.parse(value.strip()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw HttpProblem.invalid(field, field + " must be an ISO-8601 instant");
    }
  }
}
