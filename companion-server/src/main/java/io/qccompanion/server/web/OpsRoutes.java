package io.qccompanion.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.store.StorageUnavailableException;
import java.util.Map;

/** Liveness, readiness, Prometheus metrics and the OpenAPI document. */
final class OpsRoutes {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OpsRoutes.class);
  private final Database db;
  private final PrometheusMeterRegistry registry;
  private final OpenApiDocument openApi;
  private final Runnable beforeScrape;
  private final String metricsToken;

  /**
   * @param beforeScrape refreshes gauges that are read from the database
   * @param metricsToken Bearer token {@code /metrics} requires; null: loopback callers only
   */
  public OpsRoutes(
      Database db,
      PrometheusMeterRegistry registry,
      OpenApiDocument openApi,
      Runnable beforeScrape,
      String metricsToken) {
    this.metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken;
    this.db = db;
    this.registry = registry;
    this.openApi = openApi;
    this.beforeScrape = beforeScrape;
  }

  public void register(RoutesConfig r) {
    r.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
    r.get("/ready", this::ready);
    r.get("/metrics", this::metrics);
    r.get(
        "/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(openApi.json()));
  }

  void metrics(Context ctx) {
    if (!metricsAllowed(ctx))
      throw HttpProblem.unauthorized(
          "metrics need the Bearer token in QC_METRICS_TOKEN (or a scrape from this machine)");
    beforeScrape.run();
    ctx.contentType("text/plain; version=0.0.4").result(registry.scrape());
  }

  // with a token configured it is required; without one only loopback scrapers are served
  private boolean metricsAllowed(Context ctx) {
    if (metricsToken != null) {
      String header = ctx.header("Authorization");
      String sent =
          header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
      return java.security.MessageDigest.isEqual(
          sent.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          metricsToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    try {
      return java.net.InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  void ready(Context ctx) {
    try {
      db.checkReady();
      ctx.json(Map.of("status", "READY"));
    } catch (StorageUnavailableException e) {
      log.warn("not ready: {}", e.getMessage());
      ctx.status(503).json(Map.of("status", "NOT_READY", "reason", "database unavailable"));
    }
  }
}
