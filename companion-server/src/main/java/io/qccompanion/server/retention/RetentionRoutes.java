package io.qccompanion.server.retention;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.util.Map;

/** Retention settings and the purge run (dry run by default), admins only. */
final class RetentionRoutes {
  private final Database db;
  private final RetentionJob job;

  public RetentionRoutes(Database db, RetentionJob job) {
    this.db = db;
    this.job = job;
  }

  record Settings(Integer months) {}

  /** Shortest period an admin may set; our SOP recommends 12 months, some policies need less. */
  static final int MIN_MONTHS = 1;

  public void register(RoutesConfig r) {
    r.get("/api/v1/retention/settings", this::settings, Role.ADMIN);
    r.put("/api/v1/retention/settings", this::putSettings, Role.ADMIN);
    r.post("/api/v1/retention/run", this::run, Role.ADMIN);
    r.get("/api/v1/retention/last-run", this::lastRun, Role.ADMIN);
  }

  /** The last real (not dry) run: when, by whom and what it purged; 404 when it never ran. */
  void lastRun(Context ctx) {
    var last =
        db.read(
            h ->
                h.createQuery(
                        """
                        SELECT e.at, e.actor_id, u.name, e.after_json FROM audit_events e
                          LEFT JOIN users u ON u.id = e.actor_id
                        WHERE e.action = 'retention.run' ORDER BY e.at DESC, e.id DESC LIMIT 1""")
                    .map(
                        (rs, c) -> {
                          Map<String, Object> m = new java.util.LinkedHashMap<>();
                          m.put("at", java.time.Instant.ofEpochMilli(rs.getLong(1)));
                          m.put("actorId", rs.getString(2));
                          m.put(
                              "actorName",
                              rs.getString(3) == null ? "scheduled job" : rs.getString(3));
                          m.put(
                              "result",
                              io.qccompanion.server.domain.Json.read(
                                  rs.getString(4), Object.class));
                          return m;
                        })
                    .findOne());
    ctx.json(last.orElseThrow(() -> HttpProblem.notFound("retention run", "last")));
  }

  void settings(Context ctx) {
    ctx.json(Map.of("months", db.read(job::months)));
  }

  void putSettings(Context ctx) {
    var body = Bodies.read(ctx, Settings.class);
    int months =
        Fields.range(Fields.required(body.months(), "/months"), MIN_MONTHS, 120, "/months");
    String actor = Authenticator.principal(ctx).userId();
    ctx.json(Map.of("months", db.write(h -> job.setMonths(h, actor, months))));
  }

  void run(Context ctx) {
    String flag = ctx.queryParam("dryRun");
    if (flag != null && !flag.equals("true") && !flag.equals("false"))
      throw HttpProblem.invalid("dryRun", "dryRun must be true or false");
    boolean dryRun = !"false".equals(flag);
    String actor = Authenticator.principal(ctx).userId();
    ctx.json(db.write(h -> job.run(h, actor, dryRun)));
  }
}
