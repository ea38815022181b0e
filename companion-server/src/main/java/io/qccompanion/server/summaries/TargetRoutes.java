package io.qccompanion.server.summaries;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * {@code /api/v1/targets}: KPI targets per team and the organisation default ({@code
 * /api/v1/targets/default}). Managers set their teams' targets; the default needs an unscoped
 * manager or an admin.
 */
final class TargetRoutes {
  /** Path id of the organisation default. */
  public static final String DEFAULT = "default";

  private final Database db;
  private final KpiTargets targets;
  private final AuditLog audit;
  private final Clock clock;

  public TargetRoutes(Database db, KpiTargets targets, AuditLog audit, Clock clock) {
    this.db = db;
    this.targets = targets;
    this.audit = audit;
    this.clock = clock;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/targets", this::list, Role.STAFF);
    r.get("/api/v1/targets/{teamId}", this::get, Role.STAFF);
    r.put("/api/v1/targets/{teamId}", this::put, Role.ADMIN, Role.MANAGER);
    r.get("/api/v1/targets/{teamId}/history", this::history, Role.STAFF);
  }

  /** Targets in effect for one scope; {@code inherited} when the organisation's apply. */
  public record ScopedTargets(String teamId, Targets targets, boolean inherited) {}

  void list(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    List<ScopedTargets> items = new ArrayList<>();
    db.read(
        h -> {
          Map<String, Targets> stored = targets.stored(h);
          var resolver = KpiTargets.resolver(stored);
          items.add(new ScopedTargets(DEFAULT, resolver.of(null), false));
          h.createQuery("SELECT id FROM teams ORDER BY name")
              .mapTo(String.class)
              .forEach(
                  id -> {
                    if (p.seesTeam(id))
                      items.add(new ScopedTargets(id, resolver.of(id), !stored.containsKey(id)));
                  });
          return null;
        });
    ctx.json(Map.of("items", items));
  }

  void get(Context ctx) {
    String teamId = ctx.pathParam("teamId");
    Principal p = Authenticator.principal(ctx);
    ctx.json(db.read(h -> scoped(h, p, teamId)));
  }

  private ScopedTargets scoped(Handle h, Principal p, String teamId) {
    if (DEFAULT.equals(teamId)) return new ScopedTargets(DEFAULT, targets.organisation(h), false);
    Authenticator.requireTeam(h, p, teamId);
    boolean own = targets.find(h, teamId).isPresent();
    return new ScopedTargets(teamId, targets.forTeam(h, teamId), !own);
  }

  /** One change in the history of a scope, with the name of who made it. */
  public record HistoryEntry(
      LocalDate effectiveFrom,
      Targets targets,
      java.time.Instant updatedAt,
      String updatedBy,
      String updatedByName,
      boolean inEffect) {}

  void history(Context ctx) {
    String teamId = ctx.pathParam("teamId");
    Principal p = Authenticator.principal(ctx);
    List<HistoryEntry> items =
        db.read(
            h -> {
              if (!DEFAULT.equals(teamId)) Authenticator.requireTeam(h, p, teamId);
              String scope = DEFAULT.equals(teamId) ? KpiTargets.ORGANISATION : teamId;
              LocalDate today = targets.today();
              List<HistoryEntry> out = new ArrayList<>();
              boolean current = false;
              for (KpiTargets.Change c : targets.history(h, scope)) {
                boolean effective = !current && !c.effectiveFrom().isAfter(today);
                current |= effective;
                String name =
                    c.updatedBy() == null
                        ? null
                        : h.createQuery("SELECT name FROM users WHERE id = :id")
                            .bind("id", c.updatedBy())
                            .mapTo(String.class)
                            .findOne()
                            .orElse(null);
                out.add(
                    new HistoryEntry(
                        c.effectiveFrom(),
                        c.targets(),
                        c.updatedAt(),
                        c.updatedBy(),
                        name,
                        effective));
              }
              return out;
            });
    ctx.json(Map.of("teamId", teamId, "items", items));
  }

  /**
   * A change of targets; absent fields keep the value in effect on {@code effectiveFrom} (default
   * today).
   */
  record TargetsRequest(
      String effectiveFrom,
      Double qualityPercent,
      Double csatPercent,
      Double fcrPercent,
      Double ahtMinutes,
      Double productionPerDay,
      Double shiftHours,
      List<String> workingDays) {}

  void put(Context ctx) {
    String teamId = ctx.pathParam("teamId");
    Principal p = Authenticator.principal(ctx);
    TargetsRequest req = Bodies.read(ctx, TargetsRequest.class);
    if (DEFAULT.equals(teamId) && p.role() != Role.ADMIN && !p.teamIds().isEmpty())
      throw HttpProblem.forbidden("only admins and unscoped managers set the organisation default");
    ScopedTargets saved =
        db.write(
            h -> {
              ScopedTargets before = scoped(h, p, teamId);
              LocalDate from =
                  req.effectiveFrom() == null
                      ? targets.today()
                      : Fields.date(req.effectiveFrom(), "/effectiveFrom");
              var base = targets.datedResolver(h).on(DEFAULT.equals(teamId) ? null : teamId, from);
              Targets next = merge(base, req);
              String scope = DEFAULT.equals(teamId) ? KpiTargets.ORGANISATION : teamId;
              targets.put(h, scope, from, next, p.userId(), clock.instant());
              var after = scoped(h, p, teamId);
              audit.record(h, p.userId(), "targets.update", "kpi_targets", teamId, before, after);
              return after;
            });
    ctx.json(saved);
  }

  static Targets merge(Targets t, TargetsRequest r) {
    double quality = pick(r.qualityPercent(), t.qualityPercent(), 0, 100, "/qualityPercent");
    double csat = pick(r.csatPercent(), t.csatPercent(), 0, 100, "/csatPercent");
    double fcr = pick(r.fcrPercent(), t.fcrPercent(), 0, 100, "/fcrPercent");
    double aht = pick(r.ahtMinutes(), t.ahtMinutes(), 0, 1440, "/ahtMinutes");
    Double production =
        r.productionPerDay() == null
            ? t.productionPerDay()
            : Double.valueOf(Fields.range(r.productionPerDay(), 0, 10_000, "/productionPerDay"));
    double shift = pick(r.shiftHours(), t.shiftHours(), 0.5, 24, "/shiftHours");
    List<DayOfWeek> days = t.workingDays();
    if (r.workingDays() != null) {
      List<DayOfWeek> parsed = new ArrayList<>();
      for (int i = 0; i < r.workingDays().size(); i++) {
        DayOfWeek d = Fields.oneOf(DayOfWeek.class, r.workingDays().get(i), "/workingDays/" + i);
        if (!parsed.contains(d)) parsed.add(d);
      }
      days = List.copyOf(Fields.notEmpty(parsed, "/workingDays"));
    }
    return new Targets(quality, csat, fcr, aht, production, shift, days);
  }

  private static double pick(Double value, double current, double min, double max, String field) {
    return value == null ? current : Fields.range(value, min, max, field);
  }
}
