package io.qccompanion.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.ApiTokens;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.SecretBox;
import io.qccompanion.server.auth.Sessions;
import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.server.production.ProductionExceptions;
import io.qccompanion.server.production.ProductionReport;
import io.qccompanion.server.production.ProductionRoutes;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.summaries.DashboardRoutes;
import io.qccompanion.server.summaries.KpiTargets;
import io.qccompanion.server.summaries.QualityAggregates;
import io.qccompanion.server.summaries.SummaryRoutes;
import io.qccompanion.server.summaries.SummaryService;
import io.qccompanion.server.summaries.TargetRoutes;
import io.qccompanion.server.users.UserDirectory;
import io.qccompanion.server.users.UserRoutes;
import io.qccompanion.server.web.Json;
import io.qccompanion.server.web.OpenApiDocument;
import io.qccompanion.server.web.OpsRoutes;
import io.qccompanion.server.web.Problems;
import java.time.Clock;

/** Wires the companion: every component is built here and handed what it needs. */
public final class CompanionApp implements AutoCloseable {
  public static final String VERSION = "0.1.0";

  private final CompanionConfig config;
  private final Database db;
  private final Clock clock;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Components components;
  private Javalin javalin;

  /** Everything the routes and background jobs use; exposed for the CLI, demo and tests. */
  public record Components(
      Database db,
      Clock clock,
      CompanionConfig config,
      AuditLog audit,
      SecretBox secrets,
      UserDirectory users,
      Sessions sessions,
      ApiTokens tokens,
      KpiTargets kpiTargets,
      QualityAggregates qualityAggregates,
      SummaryService summaries,
      ProductionReport production) {}

  public CompanionApp(CompanionConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.db = Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
    db.migrate();
    var users = new UserDirectory(db, clock);
    var kpiTargets = new KpiTargets();
    var qualityAggregates = new QualityAggregates(db);
    this.components =
        new Components(
            db,
            clock,
            config,
            new AuditLog(clock),
            new SecretBox(config.secretKey()),
            users,
            new Sessions(db, clock, config.sessionTtl()),
            new ApiTokens(db, clock),
            kpiTargets,
            qualityAggregates,
            new SummaryService(db, qualityAggregates, kpiTargets),
            new ProductionReport(new ProductionExceptions(), kpiTargets));
  }

  public Components components() {
    return components;
  }

  /** Starts the HTTP server (port 0 picks a free port) and background jobs. */
  public CompanionApp start() {
    var c = components;
    var authenticator = new Authenticator(c.sessions(), c.tokens(), c.users());
    boolean secureCookies = config.publicUrl().startsWith("https://");
    var userRoutes =
        new UserRoutes(db, c.users(), c.sessions(), c.tokens(), c.audit(), secureCookies);
    var opsRoutes = new OpsRoutes(db, metrics, new OpenApiDocument(VERSION));
    javalin =
        Javalin.create(
            cfg -> {
              cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
              cfg.jetty.host = config.host();
              cfg.jetty.port = config.port();
              cfg.startup.showJavalinBanner = false;
              cfg.routes.beforeMatched(authenticator::guard);
              Problems.register(cfg.routes);
              opsRoutes.register(cfg.routes);
              userRoutes.register(cfg.routes);
              new SummaryRoutes(db, c.summaries(), clock).register(cfg.routes);
              new TargetRoutes(db, c.kpiTargets(), c.audit(), clock).register(cfg.routes);
              new ProductionRoutes(db, new ProductionExceptions(), c.production(), c.audit(), clock)
                  .register(cfg.routes);
              new DashboardRoutes().register(cfg.routes);
            });
    javalin.start();
    return this;
  }

  /** The port the server listens on. */
  public int port() {
    return javalin.port();
  }

  public Javalin javalin() {
    return javalin;
  }

  @Override
  public void close() {
    if (javalin != null) javalin.stop();
    db.close();
  }
}
