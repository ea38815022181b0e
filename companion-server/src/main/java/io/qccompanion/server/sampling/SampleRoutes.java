package io.qccompanion.server.sampling;

import static io.qccompanion.server.auth.Role.GRADERS;
import static io.qccompanion.server.auth.Role.STAFF;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Cursor;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.CursorParams;
import io.qccompanion.server.web.HttpProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The QC's queue, sample lists, manual selection and replacement. */
final class SampleRoutes {
  private final Database db;
  private final SampleActions actions;
  private final java.time.Clock clock;

  SampleRoutes(Database db, java.time.Clock clock, SampleActions actions) {
    this.db = db;
    this.clock = clock;
    this.actions = actions;
  }

  void register(RoutesConfig r) {
    r.get("/api/v1/queue", this::queue, GRADERS);
    r.get("/api/v1/queue/next", this::next, GRADERS);
    r.get("/api/v1/samples", this::list, STAFF);
    r.post("/api/v1/samples", this::manual, GRADERS);
    r.post("/api/v1/samples/{id}/replace", this::replace, GRADERS);
  }

  private void queue(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    var filter =
        new SampleQueries.Filter(
            blank(ctx.queryParam("agentId")),
            blank(ctx.queryParam("teamId")),
            null,
            null,
            blank(ctx.queryParam("reason")),
            p.userId(),
            true,
            Set.of(),
            blank(ctx.queryParam("channel")));
    Cursor cursor = CursorParams.from(ctx);
    Map<String, Object> out = new LinkedHashMap<>();
    db.read(
        h -> {
          var page = SampleQueries.page(h, filter, cursor, true);
          out.put("items", page.items());
          if (page.nextCursor() != null) out.put("nextCursor", page.nextCursor());
          out.put("counts", SampleQueries.queueCounts(h, p.userId(), clock.millis()));
          return null;
        });
    ctx.json(out);
  }

  /** The first open ticket of the caller's queue other than {@code after} (the one just graded). */
  private void next(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String after = ctx.queryParam("after");
    var filter = new SampleQueries.Filter(null, null, null, null, null, p.userId(), true, Set.of());
    var page = db.read(h -> SampleQueries.page(h, filter, new Cursor(null, null, 3), true));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "item",
        page.items().stream().filter(s -> !s.ticketId().equals(after)).findFirst().orElse(null));
    ctx.json(out);
  }

  private static String blank(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  private void list(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String teamId = ctx.queryParam("teamId");
    if (teamId != null && !p.seesTeam(teamId))
      throw HttpProblem.forbidden("team outside your scope");
    String status = ctx.queryParam("status");
    if (status != null && !Set.of("OPEN", "SKIPPED", "REPLACED").contains(status))
      throw HttpProblem.invalid("status", "status must be one of OPEN, SKIPPED, REPLACED");
    var filter =
        new SampleQueries.Filter(
            ctx.queryParam("agentId"),
            teamId,
            status,
            Params.bool(ctx, "selected"),
            ctx.queryParam("reason"),
            ctx.queryParam("qcId"),
            false,
            p.is(Role.ADMIN) ? Set.of() : p.teamIds());
    Cursor cursor = CursorParams.from(ctx);
    var page = db.read(h -> SampleQueries.page(h, filter, cursor, false));
    ctx.json(page);
  }

  record ManualRequest(String ticketId, String agentId) {}

  private void manual(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ManualRequest req = Bodies.read(ctx, ManualRequest.class);
    String ticketId = Fields.required(req.ticketId(), "/ticketId");
    ctx.status(201).json(db.write(h -> actions.manual(h, p, ticketId, req.agentId())));
  }

  record ReplaceRequest(String reason) {}

  private void replace(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String reason = Fields.required(Bodies.read(ctx, ReplaceRequest.class).reason(), "/reason");
    ctx.json(db.write(h -> actions.replace(h, p, ctx.pathParam("id"), reason)));
  }
}
