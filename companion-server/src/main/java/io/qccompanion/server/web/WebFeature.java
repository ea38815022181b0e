package io.qccompanion.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.store.Database;
import java.util.List;
import java.util.function.Supplier;

/**
 * What every route shares: JSON mapping, Jetty's own errors as problem+json, the security headers,
 * the route guard, domain errors mapped to problem+json, and the operational routes (health,
 * readiness, metrics, the OpenAPI document). The one door into the package besides the helpers the
 * routes use.
 */
public final class WebFeature {
  private WebFeature() {}

  /** Where the server listens and what it tells browsers and scrapers. */
  public record Settings(
      String host,
      int port,
      String publicUrl,
      List<String> frameAncestors,
      String metricsToken,
      String version) {}

  /**
   * Installs the shared part into a Javalin configuration, before the features add their routes.
   *
   * @param hostUrls base URLs of the configured connections, which may frame the panel
   * @param guard the authentication guard run before every matched route
   * @param beforeScrape refreshes gauges before /metrics answers
   */
  public static void install(
      JavalinConfig cfg,
      Settings s,
      Database db,
      PrometheusMeterRegistry metrics,
      Supplier<List<String>> hostUrls,
      Handler guard,
      Runnable beforeScrape) {
    var headers = new SecurityHeaders(s.publicUrl(), hostUrls, s.frameAncestors());
    cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
    cfg.jetty.host = s.host();
    cfg.jetty.port = s.port();
    cfg.jetty.threadPool = RequestThreads.pool(Runtime.getRuntime().availableProcessors());
    cfg.jetty.modifyServer(
        server -> {
          server.setErrorHandler(new JettyProblems());
          RequestThreads.limitConnections(server);
        });
    cfg.startup.showJavalinBanner = false;
    cfg.routes.before(headers::apply);
    cfg.routes.beforeMatched(guard);
    cfg.routes.beforeMatched(BodyLimits.parameterCheck());
    Problems.register(cfg.routes);
    new OpsRoutes(db, metrics, new OpenApiDocument(s.version()), beforeScrape, s.metricsToken())
        .register(cfg.routes);
  }
}
