package io.qccompanion.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.audit.AuditRoutes;
import io.qccompanion.server.auditpack.AuditPack;
import io.qccompanion.server.auditpack.AuditPackClauses;
import io.qccompanion.server.auditpack.AuditPackRoutes;
import io.qccompanion.server.auth.ApiTokens;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.SecretBox;
import io.qccompanion.server.auth.SessionCookies;
import io.qccompanion.server.auth.Sessions;
import io.qccompanion.server.calibration.CalibrationRoutes;
import io.qccompanion.server.calibration.CalibrationService;
import io.qccompanion.server.calibration.GraderConsistency;
import io.qccompanion.server.coaching.ActionPlanSamplingSignal;
import io.qccompanion.server.coaching.ActionPlans;
import io.qccompanion.server.coaching.CoachingRoutes;
import io.qccompanion.server.coaching.CoachingSessions;
import io.qccompanion.server.coaching.SelfReviews;
import io.qccompanion.server.coaching.TrainingRecords;
import io.qccompanion.server.compliance.ComplianceEscalations;
import io.qccompanion.server.compliance.ComplianceRoutes;
import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.server.connections.ConnectionHealthMetrics;
import io.qccompanion.server.connections.ConnectionRoutes;
import io.qccompanion.server.connections.ConnectionStore;
import io.qccompanion.server.connections.ConnectorRegistry;
import io.qccompanion.server.connections.HostLoginRoutes;
import io.qccompanion.server.connections.JiraPanelRoutes;
import io.qccompanion.server.connections.WebhookRoutes;
import io.qccompanion.server.connections.WriteBackFailures;
import io.qccompanion.server.disputes.DisputeRoutes;
import io.qccompanion.server.disputes.EvaluationGateway;
import io.qccompanion.server.disputes.FeedbackService;
import io.qccompanion.server.evaluations.EvaluationRoutes;
import io.qccompanion.server.evaluations.EvaluationService;
import io.qccompanion.server.outbox.Outbox;
import io.qccompanion.server.outbox.SinkOpener;
import io.qccompanion.server.outbox.WriteBackWorker;
import io.qccompanion.server.pages.FeedbackPage;
import io.qccompanion.server.pages.PageRoutes;
import io.qccompanion.server.pages.PanelPage;
import io.qccompanion.server.production.ProductionExceptions;
import io.qccompanion.server.production.ProductionReport;
import io.qccompanion.server.production.ProductionRoutes;
import io.qccompanion.server.retention.DailyJobs;
import io.qccompanion.server.retention.RetentionJob;
import io.qccompanion.server.retention.RetentionRoutes;
import io.qccompanion.server.sampling.Sampling;
import io.qccompanion.server.scorecards.ScorecardRoutes;
import io.qccompanion.server.scorecards.ScorecardSelector;
import io.qccompanion.server.scorecards.Scorecards;
import io.qccompanion.server.scoring.ScoringEngine;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.summaries.KpiTargets;
import io.qccompanion.server.summaries.QualityAggregates;
import io.qccompanion.server.summaries.SummaryRoutes;
import io.qccompanion.server.summaries.SummaryService;
import io.qccompanion.server.summaries.TargetRoutes;
import io.qccompanion.server.sync.SamplingOnIngest;
import io.qccompanion.server.sync.SyncRunner;
import io.qccompanion.server.sync.SyncScheduler;
import io.qccompanion.server.sync.TicketStore;
import io.qccompanion.server.users.AgentLinks;
import io.qccompanion.server.users.AgentRoutes;
import io.qccompanion.server.users.UserDirectory;
import io.qccompanion.server.users.UserRoutes;
import io.qccompanion.server.web.Json;
import io.qccompanion.server.web.OpenApiDocument;
import io.qccompanion.server.web.OpsRoutes;
import io.qccompanion.server.web.Problems;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Wires the companion: every component is built here and handed what it needs. */
public final class CompanionApp implements AutoCloseable {
  public static final String VERSION = "0.1.0";

  private final CompanionConfig config;
  private final Database db;
  private final PrometheusMeterRegistry metrics =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Components components;
  private final List<AutoCloseable> background = new ArrayList<>();
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
      ConnectionStore connections,
      ConnectorRegistry connectors,
      TicketStore tickets,
      SyncRunner sync,
      SamplingOnIngest samplingOnIngest,
      Scorecards scorecards,
      ScorecardSelector scorecardSelector,
      ScoringEngine scoring,
      Outbox outbox,
      EvaluationService evaluations,
      WriteBackWorker writeBack,
      EvaluationGateway evaluationGateway,
      FeedbackService feedback,
      CalibrationService calibrations,
      GraderConsistency graderConsistency,
      ComplianceEscalations escalations,
      ActionPlans actionPlans,
      CoachingSessions coaching,
      TrainingRecords training,
      SelfReviews selfReviews,
      RetentionJob retention,
      Sampling sampling,
      KpiTargets kpiTargets,
      QualityAggregates qualityAggregates,
      SummaryService summaries,
      ProductionReport production) {}

  public CompanionApp(CompanionConfig config, Clock clock) {
    this.config = config;
    this.db = Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
    db.migrate();
    var audit = new AuditLog(clock);
    var users = new UserDirectory(db, clock);
    var box = new SecretBox(config.secretKey());
    var connections = new ConnectionStore(db, box, clock, config.publicUrl());
    var connectors = new ConnectorRegistry(connections, clock);
    var tickets = new TicketStore(users, clock);
    var sampling = new Sampling(db, clock, audit, new ActionPlanSamplingSignal());
    var samplingOnIngest = new SamplingOnIngest(db, sampling, clock);
    var sync =
        new SyncRunner(
            db, connections, connectors, tickets, audit, clock, metrics, samplingOnIngest);
    var scorecards = new Scorecards(clock, audit, users);
    var selector = new ScorecardSelector(db);
    var scoring = new ScoringEngine();
    var outbox = new Outbox(clock);
    SinkOpener sinks = connectors::openSink;
    var kpiTargets = new KpiTargets(clock);
    var qualityAggregates = new QualityAggregates(db);
    var escalations = new ComplianceEscalations(clock, audit);
    var evaluations =
        new EvaluationService(
            clock,
            audit,
            scorecards,
            selector,
            scoring,
            outbox,
            List.of(qualityAggregates::apply, (h, id) -> escalations.raiseFor(h, id)));
    var gateway = new EvaluationGateway(evaluations, scorecards, scoring);
    var calibrations = new CalibrationService(clock, audit, gateway);
    this.components =
        new Components(
            db,
            clock,
            config,
            audit,
            box,
            users,
            new Sessions(db, clock, config.sessionTtl()),
            new ApiTokens(db, clock),
            connections,
            connectors,
            tickets,
            sync,
            samplingOnIngest,
            scorecards,
            selector,
            scoring,
            outbox,
            evaluations,
            new WriteBackWorker(
                db,
                clock,
                sinks,
                new WriteBackFailures(db, connections, audit),
                metrics,
                config.publicUrl()),
            gateway,
            new FeedbackService(clock, audit, gateway, escalations),
            calibrations,
            new GraderConsistency(calibrations, gateway),
            escalations,
            new ActionPlans(clock, audit),
            new CoachingSessions(clock, audit),
            new TrainingRecords(clock, audit),
            new SelfReviews(clock, audit, gateway),
            new RetentionJob(clock, audit, qualityAggregates::retract),
            sampling,
            kpiTargets,
            qualityAggregates,
            new SummaryService(db, qualityAggregates, kpiTargets),
            new ProductionReport(new ProductionExceptions(), kpiTargets));
  }

  public Components components() {
    return components;
  }

  /** Starts the HTTP server (port 0 picks a free port) and, if configured, background jobs. */
  public CompanionApp start() {
    var c = components;
    var authenticator = new Authenticator(c.sessions(), c.tokens(), c.users());
    var cookies = new SessionCookies(config.publicUrl().startsWith("https://"));
    var health = new ConnectionHealthMetrics(db, metrics);
    var opsRoutes = new OpsRoutes(db, metrics, new OpenApiDocument(VERSION), health::refresh);
    var userRoutes = new UserRoutes(db, c.users(), c.sessions(), c.tokens(), c.audit(), cookies);
    var connectionRoutes =
        new ConnectionRoutes(db, c.connections(), c.connectors(), c.sync(), c.audit(), c.clock());
    var webhookRoutes = new WebhookRoutes(db, c.connections(), c.connectors(), c.clock());
    var hostLoginRoutes =
        new HostLoginRoutes(
            db, c.connections(), c.connectors(), c.users(), c.sessions(), cookies, c.clock());
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
              new AgentRoutes(
                      db,
                      c.users(),
                      new AgentLinks(c.clock(), c.audit(), c.qualityAggregates()::apply),
                      c.audit())
                  .register(cfg.routes);
              connectionRoutes.register(cfg.routes);
              webhookRoutes.register(cfg.routes);
              hostLoginRoutes.register(cfg.routes);
              new JiraPanelRoutes(
                      db, c.connections(), c.connectors(), c.users(), c.clock(), config.publicUrl())
                  .register(cfg.routes);
              PageRoutes.staticFiles(cfg.staticFiles);
              // no notification inbox yet: the shell's badge stays hidden
              new PageRoutes(new PanelPage(db, hostLoginRoutes), new FeedbackPage(db), user -> 0)
                  .register(cfg.routes);
              new ScorecardRoutes(db, c.scorecards()).register(cfg.routes);
              new EvaluationRoutes(db, c.evaluations(), c.scoring(), c.outbox())
                  .register(cfg.routes);
              new DisputeRoutes(db, c.feedback(), c.evaluationGateway(), c.clock())
                  .register(cfg.routes);
              new CalibrationRoutes(
                      db, c.calibrations(), c.evaluationGateway(), c.graderConsistency())
                  .register(cfg.routes);
              new ComplianceRoutes(db, c.escalations()).register(cfg.routes);
              new AuditRoutes(db).register(cfg.routes);
              new RetentionRoutes(db, c.retention()).register(cfg.routes);
              new CoachingRoutes(db, c.coaching(), c.actionPlans(), c.training(), c.selfReviews())
                  .register(cfg.routes);
              c.sampling().register(cfg.routes);
              var clauses = new AuditPackClauses(c.clock(), c.audit());
              new AuditPackRoutes(db, new AuditPack(c.graderConsistency(), clauses), clauses)
                  .register(cfg.routes);
              new SummaryRoutes(db, c.summaries(), c.clock()).register(cfg.routes);
              new TargetRoutes(db, c.kpiTargets(), c.audit(), c.clock()).register(cfg.routes);
              new ProductionRoutes(
                      db, new ProductionExceptions(), c.production(), c.audit(), c.clock())
                  .register(cfg.routes);
            });
    javalin.start();
    if (config.schedulers()) {
      var scheduler = new SyncScheduler(db, c.sync(), c.clock());
      scheduler.start(15);
      background.add(scheduler);
      c.writeBack().start();
      background.add(workflowJobs(c).start(5, 24 * 60));
    }
    return this;
  }

  // Housekeeping of the QA workflows; each job runs in its own transaction.
  private DailyJobs workflowJobs(Components c) {
    return new DailyJobs(
        List.of(
            () -> db.write(h -> c.retention().run(h, null, false)),
            () -> db.write(h -> c.actionPlans().reviewDue(h, null)),
            () -> db.write(c.escalations()::sweep)));
  }

  /** The port the server listens on. */
  public int port() {
    return javalin.port();
  }

  public Javalin javalin() {
    return javalin;
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  @Override
  public void close() {
    components.writeBack().stop();
    for (AutoCloseable job : background) {
      try {
        job.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    if (javalin != null) javalin.stop();
    db.close();
  }
}
