package io.qccompanion.server.audit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.csv.Csv;
import io.qccompanion.server.domain.Cursor;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.CursorParams;
import io.qccompanion.server.web.HttpProblem;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The audit log, read-only and for admins: a filtered, paginated list and a CSV export. */
public final class AuditRoutes {
  private final Database db;
  private final AuditReader reader = new AuditReader();

  public AuditRoutes(Database db) {
    this.db = db;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/audit", this::list, Role.ADMIN);
    r.get("/api/v1/audit/export", this::export, Role.ADMIN);
  }

  void list(Context ctx) {
    Cursor cursor = CursorParams.from(ctx);
    var q = query(ctx, cursor.sortKey(), cursor.id(), cursor.limit() + 1);
    List<AuditEvent> rows = db.read(h -> reader.page(h, q));
    var slice = cursor.slice(rows, e -> e.at().toEpochMilli(), AuditEvent::id);
    Map<String, Object> page = new HashMap<>();
    page.put("items", slice.items());
    if (slice.nextCursor() != null) page.put("nextCursor", slice.nextCursor());
    ctx.json(page);
  }

  void export(Context ctx) {
    var q = query(ctx, null, null, Integer.MAX_VALUE);
    ZoneId zone = zone(ctx.queryParam("timeZone"));
    ctx.contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"audit.csv\"");
    try (Writer w = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
      w.write(Csv.line(AuditCsv.header(zone)));
      db.read(
          h -> {
            reader.eachNamed(h, q, e -> AuditCsv.write(w, e, zone));
            return null;
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The reader's IANA zone for the export's times; UTC when not given. */
  private static ZoneId zone(String value) {
    if (value == null || value.isBlank()) return ZoneId.of("UTC");
    try {
      return ZoneId.of(value.strip());
    } catch (DateTimeException e) {
      throw HttpProblem.invalid("timeZone", "timeZone must be an IANA zone like Europe/Paris");
    }
  }

  private static AuditReader.Query query(Context ctx, Long afterAt, String afterId, int limit) {
    return new AuditReader.Query(
        instant(ctx.queryParam("from"), "from"),
        instant(ctx.queryParam("to"), "to"),
        blank(ctx.queryParam("entityType")),
        blank(ctx.queryParam("entityId")),
        blank(ctx.queryParam("actor")),
        afterAt,
        afterId,
        limit);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
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
