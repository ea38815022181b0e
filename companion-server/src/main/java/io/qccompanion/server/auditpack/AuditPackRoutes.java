package io.qccompanion.server.auditpack;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.calibration.GraderConsistency;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code GET /api/v1/audit-pack?from&to&teamId&timeZone}: the ZIP of audit evidence (admins and
 * managers); {@code /api/v1/audit-pack/clauses}: the record-to-clause mapping admins edit.
 */
public final class AuditPackRoutes {
  private final Database db;
  private final AuditPack pack;
  private final AuditPackClauses clauses;

  public AuditPackRoutes(
      Database db, GraderConsistency consistency, java.time.Clock clock, AuditLog audit) {
    this.db = db;
    this.clauses = new AuditPackClauses(clock, audit);
    this.pack = new AuditPack(consistency, clauses);
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/audit-pack", this::download, Role.ADMIN, Role.MANAGER);
    r.get("/api/v1/audit-pack/clauses", this::listClauses, Role.ADMIN, Role.MANAGER);
    r.put("/api/v1/audit-pack/clauses/{kind}", this::putClause, Role.ADMIN);
  }

  void download(Context ctx) {
    ZoneId zone = zone(ctx.queryParam("timeZone"));
    long from = instant(ctx.queryParam("from"), "from", 0L, zone, false);
    long to = instant(ctx.queryParam("to"), "to", Long.MAX_VALUE, zone, true);
    if (to <= from) throw HttpProblem.invalid("to", "to must be after from");
    Principal p = Authenticator.principal(ctx);
    String team = ctx.queryParam("teamId");
    if (team != null && team.isBlank()) team = null;
    if (team == null && p.role() != Role.ADMIN && !p.teamIds().isEmpty())
      throw HttpProblem.invalid("teamId", "choose one of your teams");
    if (team != null) {
      String t = team;
      boolean exists =
          db.read(
              h ->
                  h.createQuery("SELECT COUNT(*) FROM teams WHERE id = :id")
                          .bind("id", t)
                          .mapTo(Integer.class)
                          .one()
                      > 0);
      if (!exists) throw HttpProblem.invalid("teamId", "team '" + team + "' does not exist");
      if (!p.seesTeam(team)) throw HttpProblem.forbidden("team '" + team + "' is not yours");
    }
    var request = new AuditPack.Request(from, to, team, zone);
    ctx.contentType("application/zip")
        .header("Content-Disposition", "attachment; filename=\"audit-pack.zip\"");
    db.read(h -> pack.write(h, request, ctx.outputStream()));
  }

  void listClauses(Context ctx) {
    ctx.json(Map.of("items", db.read(clauses::list)));
  }

  record ClauseRequest(String clause, String title) {}

  void putClause(Context ctx) {
    var body = Bodies.read(ctx, ClauseRequest.class);
    String actor = Authenticator.principal(ctx).userId();
    ctx.json(
        db.write(h -> clauses.put(h, actor, ctx.pathParam("kind"), body.clause(), body.title())));
  }

  private static ZoneId zone(String value) {
    if (value == null || value.isBlank()) return ZoneOffset.UTC;
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw HttpProblem.invalid("timeZone", "timeZone must be an IANA zone like Europe/Paris");
    }
  }

  /** A plain date (the whole day in {@code zone}; {@code to} includes it) or an ISO instant. */
  private static long instant(String value, String field, long fallback, ZoneId zone, boolean end) {
    if (value == null || value.isBlank()) return fallback;
    String v = value.strip();
    try {
      if (v.length() == 10) {
        LocalDate day = LocalDate.parse(v);
        return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant().toEpochMilli();
      }
      return Instant.parse(v).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw HttpProblem.invalid(
          field, field + " must be a date (2026-10-31) or an ISO-8601 instant");
    }
  }
}
