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
public final class RetentionRoutes {
  private final Database db;
  private final RetentionJob job;

  public RetentionRoutes(Database db, RetentionJob job) {
    this.db = db;
    this.job = job;
  }

  record Settings(Integer months) {}

  public void register(RoutesConfig r) {
    r.get("/api/v1/retention/settings", this::settings, Role.ADMIN);
    r.put("/api/v1/retention/settings", this::putSettings, Role.ADMIN);
    r.post("/api/v1/retention/run", this::run, Role.ADMIN);
  }

  void settings(Context ctx) {
    ctx.json(Map.of("months", db.read(job::months)));
  }

  void putSettings(Context ctx) {
    var body = Bodies.read(ctx, Settings.class);
    int months = Fields.range(Fields.required(body.months(), "/months"), 12, 120, "/months");
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
