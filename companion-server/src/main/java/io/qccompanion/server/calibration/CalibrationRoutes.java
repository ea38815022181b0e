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
  private final CalibrationCandidates candidates = new CalibrationCandidates();

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
      String title,
      String scorecardVersionId,
      List<String> ticketIds,
      List<String> qcIds,
      String deadline,
      String benchmarkQcId) {}

  record Reveal(String notes) {}

  record Benchmark(Map<String, Answer> answers, String note) {}

  public void register(RoutesConfig r) {
    r.post("/api/v1/calibrations", this::create, LEADS);
    r.get("/api/v1/calibrations", this::list, VIEWERS);
    r.get("/api/v1/calibrations/graders", this::graders, LEADS);
    r.get("/api/v1/calibrations/candidates", this::candidates, LEADS);
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
                        b.qcIds(),
                        b.deadline() == null || b.deadline().isBlank()
                            ? null
                            : Instant.ofEpochMilli(instant(b.deadline(), "/deadline", 0L)),
                        b.benchmarkQcId() == null || b.benchmarkQcId().isBlank()
                            ? null
                            : b.benchmarkQcId())));
  }

  /** The caller's sessions (leads and managers: every session), newest first, with progress. */
  void list(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    boolean everything = p.is(Role.ADMIN, Role.QC_LEAD, Role.MANAGER);
    ctx.json(
        db.read(
            h -> {
              List<Map<String, Object>> items = new ArrayList<>();
              for (String id : service.sessionIdsOf(h, p.userId(), everything)) {
                CalibrationSession s = service.require(h, id);
                List<Evaluation> grades = service.grades(h, s);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", s.id());
                row.put("title", s.title());
                row.put("status", s.status());
                row.put("createdAt", s.createdAt());
                row.put("deadlineAt", s.deadlineAt());
                row.put("revealedAt", s.revealedAt());
                row.put("tickets", s.ticketIds().size());
                row.put("participants", s.qcIds().size());
                row.put("participating", s.qcIds().contains(p.userId()));
                row.put("gradesSubmitted", grades.size());
                row.put("gradesExpected", s.ticketIds().size() * s.qcIds().size());
                row.put(
                    "myGradesSubmitted",
                    grades.stream().filter(e -> e.qcId().equals(p.userId())).count());
                items.add(row);
              }
              return Map.of("items", items);
            }));
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
              List<Map<String, Object>> people = new ArrayList<>();
              for (String qc : s.qcIds()) {
                Map<String, Object> person = new LinkedHashMap<>();
                person.put("id", qc);
                person.put("name", name(h, qc));
                person.put(
                    "graded", progress.stream().filter(g -> qc.equals(g.get("qcId"))).count());
                person.put("benchmark", qc.equals(s.benchmarkQcId()));
                people.add(person);
              }
              out.put("participants", people);
              out.put(
                  "tickets",
                  h.createQuery(
                          """
                          SELECT t.id, COALESCE(t.ticket_key, t.external_id) AS key, t.subject, t.channel
                          FROM calibration_tickets c JOIN tickets t ON t.id = c.ticket_id
                          WHERE c.session_id = :s ORDER BY t.id
                          """)
                      .bind("s", s.id())
                      .mapToMap()
                      .list());
              out.put("criteria", criteria(h, s));
              out.put("benchmarks", service.benchmarks(h, s.id()));
              out.put("missing", service.missingGrades(h, s));
              out.put("revealable", service.revealable(h, s));
              return out;
            }));
  }

  /** The session's criteria in scorecard order, with what a benchmark form needs. */
  private List<Map<String, Object>> criteria(Handle h, CalibrationSession s) {
    List<Map<String, Object>> out = new ArrayList<>();
    var def = evaluations.definition(h, s.scorecardVersionId(), "/scorecardVersionId");
    for (var section : def.sections())
      for (var c : section.criteria()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", c.id());
        row.put("name", c.name());
        row.put("section", section.name());
        row.put("scale", c.scale());
        row.put("points", c.points());
        row.put("naAllowed", c.naAllowed());
        out.add(row);
      }
    return out;
  }

  /**
   * Closed tickets a lead may pick for a session, inside their team scope: {@code q} (subject,
   * ticket key or id), {@code agentId}, {@code teamId}, {@code host}, {@code solvedFrom} and {@code
   * solvedTo} (a date or an instant; a date for {@code solvedTo} includes that day), {@code
   * autoqaFailed} (a check AutoQA failed), {@code cursor} and {@code limit}.
   */
  void candidates(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String teamId = param(ctx, "teamId");
    if (teamId != null && !p.seesTeam(teamId))
      throw HttpProblem.forbidden("team outside your scope");
    String host = param(ctx, "host");
    if (host != null && !host.matches("[a-z0-9_-]+"))
      throw HttpProblem.invalid("host", "host is a connector id such as zendesk or jira");
    String check = param(ctx, "autoqaFailed");
    if (check != null && !CalibrationCandidates.CHECK_ID.matcher(check).matches())
      throw HttpProblem.invalid("autoqaFailed", "autoqaFailed is an AutoQA check id");
    Long from = day(param(ctx, "solvedFrom"), "solvedFrom", false);
    Long to = day(param(ctx, "solvedTo"), "solvedTo", true);
    if (from != null && to != null && from >= to)
      throw HttpProblem.invalid("solvedTo", "solvedTo must be after solvedFrom");
    var query =
        new CalibrationCandidates.Query(
            param(ctx, "q"), param(ctx, "agentId"), teamId, host, from, to, check);
    var cursor = io.qccompanion.server.web.CursorParams.from(ctx);
    ctx.json(
        db.read(
            h -> {
              var page = candidates.search(h, p, query, cursor);
              Map<String, Object> out = new LinkedHashMap<>();
              out.put("items", page.items());
              if (page.nextCursor() != null) out.put("nextCursor", page.nextCursor());
              if (cursor.first()) out.put("hosts", candidates.hosts(h));
              return out;
            }));
  }

  // lengths are the OpenAPI document's maxLength, enforced by web.BodyLimits before the route
  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return null;
    return v.strip();
  }

  /** A date (UTC day; {@code end}: the day after it) or an instant, as epoch millis. */
  private static Long day(String value, String field, boolean end) {
    if (value == null) return null;
    if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
      try {
        var date = java.time.LocalDate.parse(value);
        return (end ? date.plusDays(1) : date)
            .atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant()
            .toEpochMilli();
      } catch (DateTimeParseException e) {
        throw HttpProblem.invalid(field, field + " is not a date");
      }
    }
    return instant(value, field, 0L);
  }

  /** Who a lead can invite: active QCs, QC leads and admins. */
  void graders(Context ctx) {
    ctx.json(
        Map.of(
            "items",
            db.read(
                h ->
                    h.createQuery(
                            "SELECT id, name, role FROM users WHERE active = 1"
                                + " AND role IN ('QC', 'QC_LEAD', 'ADMIN') ORDER BY name, id")
                        .mapToMap()
                        .list())));
  }

  private static String name(Handle h, String userId) {
    return h.createQuery("SELECT name FROM users WHERE id = ?")
        .bind(0, userId)
        .mapTo(String.class)
        .findOne()
        .orElse(userId);
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
    List<Evaluation> grades = service.grades(h, s);
    var benchmarks = service.benchmarks(h, s.id());
    // Without agreed answers, the named benchmark grader's answers are the benchmark.
    if (benchmarks.isEmpty() && s.benchmarkQcId() != null)
      for (Evaluation e : grades)
        if (e.qcId().equals(s.benchmarkQcId())) benchmarks.put(e.ticketId(), e.answers());
    return CalibrationReport.of(
        s.id(),
        def,
        grades,
        benchmarks,
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
