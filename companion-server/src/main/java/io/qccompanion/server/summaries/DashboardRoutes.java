package io.qccompanion.server.summaries;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The manager dashboard: a static page that charts {@code /api/v1/summaries} with Chart.js, served
 * from the jar (webjar pinned in the parent pom), never from a CDN. The page holds no data; the API
 * calls it makes are authorised as usual.
 */
public final class DashboardRoutes {
  static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";

  public void register(RoutesConfig r) {
    r.get("/dashboard", ctx -> serve(ctx, "dashboard/dashboard.html", "text/html; charset=utf-8"));
    r.get(
        "/dashboard/dashboard.js",
        ctx -> serve(ctx, "dashboard/dashboard.js", "text/javascript; charset=utf-8"));
    r.get("/dashboard/chart.umd.js", ctx -> serve(ctx, CHART_JS, "text/javascript; charset=utf-8"));
  }

  private void serve(Context ctx, String resource, String type) {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("missing resource " + resource);
      ctx.contentType(type);
      ctx.header("Cache-Control", "no-cache");
      ctx.result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
