package io.qccompanion.server.summaries;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Cursor;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.CursorParams;
import io.qccompanion.server.web.HttpProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code /api/v1/production}: production against target, and the exceptions managers record. */
final class ProductionRoutes {
  private final Database db;
  private final ProductionExceptions exceptions;
  private final ProductionReport report;
  private final AuditLog audit;
  private final Clock clock;

  /** The production feature's entry point: builds the exception store and the report. */
  public ProductionRoutes(Database db, KpiTargets targets, AuditLog audit, Clock clock) {
    this.db = db;
    this.exceptions = new ProductionExceptions();
    this.report = new ProductionReport(exceptions, targets);
    this.audit = audit;
    this.clock = clock;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/production", this::production, Role.ANYONE);
    r.get("/api/v1/production/exceptions", this::list, Role.STAFF);
    r.post("/api/v1/production/exceptions", this::create, Role.ADMIN, Role.MANAGER);
    r.patch("/api/v1/production/exceptions/{id}", this::update, Role.ADMIN, Role.MANAGER);
    r.delete("/api/v1/production/exceptions/{id}", this::delete, Role.ADMIN, Role.MANAGER);
  }

  static final List<String> HEADER =
      List.of(
          "agentId",
          "agentName",
          "teamId",
          "bucketStart",
          "ticketsClosed",
          "exceptionHours",
          "targetTickets",
          "attainmentPercent",
          "onTarget");

  void production(Context ctx) {
    Period period = SummaryRoutes.period(ctx, clock);
    String b = ctx.queryParam("bucket");
    Bucket bucket = b == null ? Bucket.DAY : Fields.oneOf(Bucket.class, b, "bucket");
    if (bucket != Bucket.DAY && bucket != Bucket.WEEK)
      throw HttpProblem.invalid("bucket", "bucket must be day or week");
    Scope scope = ScopeParams.read(ctx, db);
    var result = db.read(h -> report.report(h, scope, period, bucket));
    if (!CsvParams.wanted(ctx)) {
      ctx.json(result);
      return;
    }
    try (var out =
        CsvParams.open(ctx, "production-" + period.from() + "-" + period.to() + ".csv", HEADER)) {
      for (var r : result.items())
        out.row(
            Arrays.asList(
                r.agentId(),
                r.agentName(),
                r.teamId(),
                r.bucketStart(),
                r.ticketsClosed(),
                r.exceptionHours(),
                r.targetTickets(),
                r.attainmentPercent(),
                r.onTarget()));
    }
  }

  void list(Context ctx) {
    Period period = SummaryRoutes.period(ctx, clock);
    Scope scope = ScopeParams.read(ctx, db);
    if (CsvParams.wanted(ctx)) {
      try (var out =
          CsvParams.open(
              ctx,
              "production-exceptions.csv",
              List.of(
                  "id",
                  "agentId",
                  "teamId",
                  "date",
                  "kind",
                  "hours",
                  "note",
                  "createdBy",
                  "createdAt"))) {
        Cursor cursor = new Cursor(null, null, 500);
        while (cursor != null) {
          Cursor c = cursor;
          var page = db.read(h -> exceptions.page(h, scope, period, c));
          for (var e : page.items())
            out.row(
                Arrays.asList(
                    e.id(),
                    e.agentId(),
                    e.teamId(),
                    e.date(),
                    e.kind(),
                    e.hours(),
                    e.note(),
                    e.createdBy(),
                    e.createdAt()));
          cursor = page.nextCursor() == null ? null : lastCursor(page.items(), 500);
        }
      }
      return;
    }
    Cursor cursor = CursorParams.from(ctx);
    ctx.json(db.read(h -> exceptions.page(h, scope, period, cursor)));
  }

  private static Cursor lastCursor(List<ProductionException> items, int limit) {
    var last = items.get(items.size() - 1);
    return new Cursor(last.createdAt().toEpochMilli(), last.id(), limit);
  }

  /** A manager's record of hours an agent could not work. */
  record ExceptionRequest(String agentId, String date, String kind, Double hours, String note) {}

  void create(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ExceptionRequest req = Bodies.read(ctx, ExceptionRequest.class);
    String agentId = Fields.required(req.agentId(), "/agentId");
    LocalDate date = date(Fields.required(req.date(), "/date"));
    var kind = Fields.oneOf(ProductionException.Kind.class, req.kind(), "/kind");
    double hours = Fields.range(Fields.required(req.hours(), "/hours"), 0, 24, "/hours");
    ProductionException saved =
        db.write(
            h -> {
              Optional<String> team =
                  ScopeParams.teamOfAgent(h, agentId)
                      .orElseThrow(
                          () ->
                              HttpProblem.unprocessable(
                                  "/agentId", "agent '" + agentId + "' does not exist"));
              requireTeam(p, team);
              double already = exceptions.hoursOn(h, agentId, date);
              if (already + hours > 24)
                throw HttpProblem.unprocessable(
                    "/hours",
                    "exceptions on " + date + " would exceed 24 hours (" + already + " recorded)");
              var e =
                  new ProductionException(
                      Ids.newId(),
                      agentId,
                      team.orElse(null),
                      date,
                      kind,
                      hours,
                      req.note(),
                      p.userId(),
                      clock.instant());
              exceptions.insert(h, e);
              audit.record(
                  h,
                  p.userId(),
                  "production.exception.create",
                  "production_exception",
                  e.id(),
                  null,
                  e);
              return e;
            });
    ctx.status(201).json(saved);
  }

  /** A correction of an exception: the fields given replace the stored ones. */
  record ExceptionChange(String date, String kind, Double hours, String note) {}

  void update(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ExceptionChange req = Bodies.read(ctx, ExceptionChange.class);
    if (req.date() == null && req.kind() == null && req.hours() == null && req.note() == null)
      throw HttpProblem.invalid("/hours", "give at least one of date, kind, hours, note");
    LocalDate newDate = req.date() == null ? null : date(req.date());
    var newKind =
        req.kind() == null
            ? null
            : Fields.oneOf(ProductionException.Kind.class, req.kind(), "/kind");
    Double newHours = req.hours() == null ? null : Fields.range(req.hours(), 0, 24, "/hours");
    ProductionException saved =
        db.write(
            h -> {
              var before =
                  exceptions
                      .find(h, id)
                      .orElseThrow(() -> HttpProblem.notFound("production exception", id));
              requireTeam(p, Optional.ofNullable(before.teamId()));
              var after =
                  new ProductionException(
                      before.id(),
                      before.agentId(),
                      before.teamId(),
                      newDate == null ? before.date() : newDate,
                      newKind == null ? before.kind() : newKind,
                      newHours == null ? before.hours() : newHours,
                      req.note() == null ? before.note() : req.note().isBlank() ? null : req.note(),
                      before.createdBy(),
                      before.createdAt());
              double others =
                  exceptions.hoursOn(h, after.agentId(), after.date())
                      - (after.date().equals(before.date()) ? before.hours() : 0);
              if (others + after.hours() > 24)
                throw HttpProblem.unprocessable(
                    "/hours",
                    "exceptions on "
                        + after.date()
                        + " would exceed 24 hours ("
                        + others
                        + " recorded besides this one)");
              exceptions.update(h, after);
              audit.record(
                  h,
                  p.userId(),
                  "production.exception.update",
                  "production_exception",
                  id,
                  before,
                  after);
              return after;
            });
    ctx.json(saved);
  }

  void delete(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    db.run(
        h -> {
          var e =
              exceptions
                  .find(h, id)
                  .orElseThrow(() -> HttpProblem.notFound("production exception", id));
          requireTeam(p, Optional.ofNullable(e.teamId()));
          exceptions.delete(h, id);
          audit.record(
              h, p.userId(), "production.exception.delete", "production_exception", id, e, null);
        });
    ctx.status(204);
  }

  private static void requireTeam(Principal p, Optional<String> team) {
    boolean allowed =
        p.role() == Role.ADMIN
            || p.teamIds().isEmpty()
            || (team.isPresent() && p.seesTeam(team.get()));
    if (!allowed) throw HttpProblem.forbidden("the agent is not in your teams");
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw HttpProblem.invalid("/date", "/date must be an ISO date like 2026-11-02");
    }
  }
}
