package io.qccompanion.server.auditpack;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.calibration.GraderConsistency;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.HttpProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code GET /api/v1/audit-pack?from&to}: the ZIP of audit evidence (admins and managers). */
public final class AuditPackRoutes {
  private final Database db;
  private final AuditPack pack;

  public AuditPackRoutes(Database db, GraderConsistency consistency) {
    this.db = db;
    this.pack = new AuditPack(consistency);
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/audit-pack", this::download, Role.ADMIN, Role.MANAGER);
  }

  void download(Context ctx) {
    long from = instant(ctx.queryParam("from"), "from", 0L);
    long to = instant(ctx.queryParam("to"), "to", Long.MAX_VALUE);
    if (to <= from) throw HttpProblem.invalid("to", "to must be after from");
    ctx.contentType("application/zip")
        .header("Content-Disposition", "attachment; filename=\"audit-pack.zip\"");
    db.read(h -> pack.write(h, from, to, ctx.outputStream()));
  }

  private static long instant(String value, String field, long fallback) {
    if (value == null || value.isBlank()) return fallback;
    try {
      return Instant.parse(value.strip()).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw HttpProblem.invalid(field, field + " must be an ISO-8601 instant");
    }
  }
}
