package io.qccompanion.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.audit.AuditRoutes;
import io.qccompanion.server.auditpack.AuditPackRoutes;
import io.qccompanion.server.auth.ApiTokens;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.HostTokenFreshness;
import io.qccompanion.server.auth.LoginThrottle;
import io.qccompanion.server.auth.ReplayGuard;
import io.qccompanion.server.auth.SecretBox;
import io.qccompanion.server.auth.SessionCookies;
import io.qccompanion.server.auth.Sessions;
import io.qccompanion.server.autoqa.AutoQaFeature;
import io.qccompanion.server.autoqa.PayloadConversations;
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
import io.qccompanion.server.connections.Connection;
import io.qccompanion.server.connections.ConnectionHealthMetrics;
import io.qccompanion.server.connections.ConnectionRoutes;
import io.qccompanion.server.connections.ConnectionStore;
import io.qccompanion.server.connections.ConnectorRegistry;
import io.qccompanion.server.connections.HostLoginRoutes;
import io.qccompanion.server.connections.HostRequestMetrics;
import io.qccompanion.server.connections.PanelLoginRoutes;
import io.qccompanion.server.connections.WebhookReplays;
import io.qccompanion.server.connections.WebhookRoutes;
import io.qccompanion.server.connections.WriteBackFailures;
import io.qccompanion.server.conversations.ConversationRoutes;
import io.qccompanion.server.disputes.DisputeRoutes;
import io.qccompanion.server.disputes.FeedbackService;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.evaluations.EvaluationGateway;
import io.qccompanion.server.evaluations.EvaluationRoutes;
import io.qccompanion.server.evaluations.EvaluationService;
import io.qccompanion.server.notifications.NotificationRoutes;
import io.qccompanion.server.notifications.Notifications;
import io.qccompanion.server.notifications.WorkflowNotices;
import io.qccompanion.server.outbox.Outbox;
import io.qccompanion.server.outbox.SinkOpener;
import io.qccompanion.server.outbox.WriteBackWorker;
import io.qccompanion.server.pages.FeedbackPage;
import io.qccompanion.server.pages.PageRoutes;
import io.qccompanion.server.pages.PanelPage;
import io.qccompanion.server.production.ProductionRoutes;
import io.qccompanion.server.retention.DailyJobs;
import io.qccompanion.server.retention.RetentionJob;
import io.qccompanion.server.retention.RetentionRoutes;
import io.qccompanion.server.sampling.Sampling;
import io.qccompanion.server.sampling.SamplingRoutes;
import io.qccompanion.server.sampling.WeightedQualityRoutes;
import io.qccompanion.server.scorecards.ScorecardRoutes;
import io.qccompanion.server.scorecards.ScorecardSelector;
import io.qccompanion.server.scorecards.Scorecards;
import io.qccompanion.server.scoring.ScoringEngine;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.summaries.AgentHomeRoutes;
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
import io.qccompanion.server.web.JettyProblems;
import io.qccompanion.server.web.OpenApiDocument;
import io.qccompanion.server.web.OpsRoutes;
import io.qccompanion.server.web.Problems;
import io.qccompanion.server.web.SecurityHeaders;
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
  private final Clock clock;
  private final AuditLog audit;
  private final UserDirectory users;
  private final Sessions sessions;
  private final ApiTokens tokens;
  private final ConnectionStore connections;
  private final ConnectorRegistry connectors;
  private final SyncRunner sync;
  private final SamplingOnIngest samplingOnIngest;
  private final Sampling sampling;
  private final Scorecards scorecards;
  private final ScorecardSelector selector;
  private final ScoringEngine scoring;
  private final Outbox outbox;
  private final EvaluationService evaluations;
  private final EvaluationGateway gateway;
  private final WriteBackWorker writeBack;
  private final FeedbackService feedback;
  private final CalibrationService calibrations;
  private final GraderConsistency graderConsistency;
  private final ComplianceEscalations escalations;
  private final ActionPlans actionPlans;
  private final CoachingSessions coaching;
  private final TrainingRecords training;
  private final SelfReviews selfReviews;
  private final RetentionJob retention;
  private final KpiTargets kpiTargets;
  private final QualityAggregates qualityAggregates;
  private final SummaryService summaries;
  private final Notifications notifications;
  private final WorkflowNotices notices;
  private final List<AutoCloseable> background = new ArrayList<>();
  private Javalin javalin;
  private AutoQaFeature autoQa;

  /** Opens and migrates the database and builds every service; {@link #start} adds the routes. */
  public CompanionApp(CompanionConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.db = Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
    db.migrate();
    this.audit = new AuditLog(clock);
    this.users = new UserDirectory(db, clock);
    this.sessions = new Sessions(db, clock, config.sessionTtl());
    this.tokens = new ApiTokens(db, clock);
    this.connections =
        new ConnectionStore(db, new SecretBox(config.secretKey()), clock, config.publicUrl());
    this.connectors = new ConnectorRegistry(connections, clock);
    connectors.observeWith(new HostRequestMetrics(metrics, connections));
    this.sampling = new Sampling(clock, audit, new ActionPlanSamplingSignal());
    this.samplingOnIngest = new SamplingOnIngest(db, sampling, clock);
    this.sync =
        new SyncRunner(
            db,
            connections,
            connectors,
            new TicketStore(users, clock),
            audit,
            clock,
            metrics,
            samplingOnIngest);
    this.scorecards = new Scorecards(clock, audit, users);
    this.selector = new ScorecardSelector(db);
    this.scoring = new ScoringEngine();
    this.outbox = new Outbox(clock);
    this.kpiTargets = new KpiTargets(clock);
    this.qualityAggregates = new QualityAggregates(db);
    this.escalations = new ComplianceEscalations(clock, audit);
    this.notifications = new Notifications(clock, config.mail(), config.publicUrl());
    this.notices = new WorkflowNotices(notifications);
    this.evaluations =
        new EvaluationService(
            clock,
            audit,
            scorecards,
            selector,
            scoring,
            outbox,
            List.of(
                qualityAggregates::apply,
                (h, id) -> escalations.raiseFor(h, id),
                notices::evaluationChanged));
    this.gateway = new EvaluationGateway(evaluations, scorecards, scoring);
    SinkOpener sinks = connectors::openSink;
    this.writeBack =
        new WriteBackWorker(
            db,
            clock,
            sinks,
            new WriteBackFailures(db, connections, audit),
            metrics,
            config.publicUrl());
    this.calibrations = new CalibrationService(clock, audit, gateway, notices);
    this.feedback = new FeedbackService(clock, audit, gateway, escalations);
    this.graderConsistency = new GraderConsistency(calibrations, gateway);
    this.actionPlans = new ActionPlans(clock, audit);
    this.coaching = new CoachingSessions(clock, audit);
    this.training = new TrainingRecords(clock, audit);
    this.selfReviews = new SelfReviews(clock, audit, gateway, selector);
    this.retention = new RetentionJob(clock, audit, qualityAggregates::retract);
    this.summaries = new SummaryService(db, qualityAggregates, kpiTargets);
  }

  /** Starts the HTTP server (port 0 picks a free port) and, if configured, background jobs. */
  public CompanionApp start() {
    var authenticator = new Authenticator(sessions, tokens, users);
    var cookies = new SessionCookies(config.publicUrl().startsWith("https://"));
    var health = new ConnectionHealthMetrics(db, metrics);
    var opsRoutes =
        new OpsRoutes(
            db,
            metrics,
            new OpenApiDocument(VERSION),
            health::refresh,
            config.security().metricsToken());
    var userRoutes =
        new UserRoutes(db, users, sessions, tokens, audit, cookies, new LoginThrottle(clock));
    var connectionRoutes = new ConnectionRoutes(db, connections, connectors, sync, audit, clock);
    var replays = new ReplayGuard(db, clock);
    var freshness = new HostTokenFreshness(replays, clock);
    var webhookRoutes =
        new WebhookRoutes(db, connections, connectors, clock, new WebhookReplays(replays));
    autoQa =
        new AutoQaFeature(
            db, clock, audit, scorecards, new PayloadConversations(), sampling.spotlight()::raise);
    var hostLoginRoutes =
        new HostLoginRoutes(
            db, connections, connectors, users, sessions, cookies, clock, audit, freshness);
    var headers =
        new SecurityHeaders(
            config.publicUrl(),
            () -> connections.list().stream().map(Connection::baseUrl).toList(),
            config.security().frameAncestors());
    javalin =
        Javalin.create(
            cfg -> {
              cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
              cfg.jetty.host = config.host();
              cfg.jetty.port = config.port();
              cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
              cfg.startup.showJavalinBanner = false;
              cfg.routes.before(headers::apply);
              cfg.routes.beforeMatched(authenticator::guard);
              Problems.register(cfg.routes);
              opsRoutes.register(cfg.routes);
              userRoutes.register(cfg.routes);
              new AgentRoutes(
                      db, users, new AgentLinks(clock, audit, qualityAggregates::apply), audit)
                  .register(cfg.routes);
              connectionRoutes.register(cfg.routes);
              new ConversationRoutes(db, clock).register(cfg.routes);
              webhookRoutes.register(cfg.routes);
              hostLoginRoutes.register(cfg.routes);
              new PanelLoginRoutes(
                      db,
                      connections,
                      connectors,
                      users,
                      hostLoginRoutes,
                      clock,
                      config.publicUrl(),
                      freshness)
                  .register(cfg.routes);
              PageRoutes.staticFiles(cfg.staticFiles);
              new PageRoutes(
                      new PanelPage(db),
                      new FeedbackPage(db),
                      user -> db.read(h -> notifications.unread(h, user.userId())))
                  .register(cfg.routes);
              new ScorecardRoutes(db, scorecards).register(cfg.routes);
              new EvaluationRoutes(db, evaluations, scoring, outbox, config.editWindow())
                  .register(cfg.routes);
              new NotificationRoutes(db, notifications).register(cfg.routes);
              new DisputeRoutes(db, feedback, gateway, clock).register(cfg.routes);
              new CalibrationRoutes(db, calibrations, gateway, graderConsistency)
                  .register(cfg.routes);
              new ComplianceRoutes(db, escalations).register(cfg.routes);
              new AuditRoutes(db).register(cfg.routes);
              new RetentionRoutes(db, retention).register(cfg.routes);
              new CoachingRoutes(db, coaching, actionPlans, training, selfReviews)
                  .register(cfg.routes);
              new SamplingRoutes(db, sampling).register(cfg.routes);
              new WeightedQualityRoutes(db, clock).register(cfg.routes);
              autoQa.routes().register(cfg.routes);
              new AuditPackRoutes(db, graderConsistency, clock, audit).register(cfg.routes);
              new SummaryRoutes(db, summaries, clock).register(cfg.routes);
              new TargetRoutes(db, kpiTargets, audit, clock).register(cfg.routes);
              new ProductionRoutes(db, kpiTargets, audit, clock).register(cfg.routes);
              new AgentHomeRoutes(db, kpiTargets, clock).register(cfg.routes);
            });
    javalin.start();
    if (config.schedulers()) {
      var scheduler = new SyncScheduler(db, sync, clock);
      scheduler.start(15);
      background.add(scheduler);
      writeBack.start();
      background.add(workflowJobs().start(5, 24 * 60));
      autoQa.worker().start(100, 60);
      background.add(autoQa.worker());
      if (notifications.mailConfigured())
        background.add(new DailyJobs(List.of(() -> notifications.mailPending(db))).start(1, 1));
    }
    return this;
  }

  // Housekeeping of the QA workflows; each job runs in its own transaction.
  private DailyJobs workflowJobs() {
    return new DailyJobs(
        List.of(
            () -> db.write(h -> retention.run(h, null, false)),
            () -> db.write(h -> actionPlans.reviewDue(h, null)),
            () -> db.write(escalations::sweep),
            () -> db.write(h -> notices.actionPlansDue(h, clock.millis()))));
  }

  // What the CLI commands, the demo and the tests use; the routes get theirs in start().

  public CompanionConfig config() {
    return config;
  }

  public Clock clock() {
    return clock;
  }

  public Database db() {
    return db;
  }

  public AuditLog audit() {
    return audit;
  }

  public UserDirectory users() {
    return users;
  }

  public ApiTokens tokens() {
    return tokens;
  }

  public ConnectionStore connections() {
    return connections;
  }

  public ConnectorRegistry connectors() {
    return connectors;
  }

  public SyncRunner sync() {
    return sync;
  }

  /** AutoQA (engine, worker, routes); null until {@link #start}. */
  public AutoQaFeature autoQa() {
    return autoQa;
  }

  public SamplingOnIngest samplingOnIngest() {
    return samplingOnIngest;
  }

  public Sampling sampling() {
    return sampling;
  }

  public Scorecards scorecards() {
    return scorecards;
  }

  public ScorecardSelector scorecardSelector() {
    return selector;
  }

  public ScoringEngine scoring() {
    return scoring;
  }

  public EvaluationService evaluations() {
    return evaluations;
  }

  public FeedbackService feedback() {
    return feedback;
  }

  public CalibrationService calibrations() {
    return calibrations;
  }

  public ActionPlans actionPlans() {
    return actionPlans;
  }

  public QualityAggregates qualityAggregates() {
    return qualityAggregates;
  }

  public SummaryService summaries() {
    return summaries;
  }

  public Notifications notifications() {
    return notifications;
  }

  /** The port the server listens on. */
  public int port() {
    return javalin.port();
  }

  public Javalin javalin() {
    return javalin;
  }

  public ComplianceEscalations escalations() {
    return escalations;
  }

  public PrometheusMeterRegistry metrics() {
    return metrics;
  }

  @Override
  public void close() {
    writeBack.stop();
    for (AutoCloseable job : background) {
      try {
        job.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    if (javalin != null) javalin.stop();
    connectors.releaseAll();
    db.close();
  }
}
