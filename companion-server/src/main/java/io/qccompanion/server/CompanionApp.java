package io.qccompanion.server;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.audit.AuditRoutes;
import io.qccompanion.server.auditpack.AuditPackRoutes;
import io.qccompanion.server.auth.ApiTokens;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.CallerCache;
import io.qccompanion.server.auth.LoginThrottle;
import io.qccompanion.server.auth.ReplayGuard;
import io.qccompanion.server.auth.SecretBox;
import io.qccompanion.server.auth.SessionCookies;
import io.qccompanion.server.auth.Sessions;
import io.qccompanion.server.autoqa.AutoQaFeature;
import io.qccompanion.server.calibration.CalibrationRoutes;
import io.qccompanion.server.calibration.CalibrationService;
import io.qccompanion.server.calibration.GraderConsistency;
import io.qccompanion.server.coaching.CoachingFeature;
import io.qccompanion.server.compliance.ComplianceEscalations;
import io.qccompanion.server.compliance.ComplianceRoutes;
import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.server.connections.ConnectionStore;
import io.qccompanion.server.connections.ConnectionsFeature;
import io.qccompanion.server.connections.ConnectorRegistry;
import io.qccompanion.server.conversations.ConversationRoutes;
import io.qccompanion.server.conversations.Conversations;
import io.qccompanion.server.disputes.DisputeRoutes;
import io.qccompanion.server.disputes.FeedbackService;
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
import io.qccompanion.server.retention.DailyJobs;
import io.qccompanion.server.retention.RetentionFeature;
import io.qccompanion.server.sampling.Sampling;
import io.qccompanion.server.sampling.SamplingRoutes;
import io.qccompanion.server.scorecards.ScorecardRoutes;
import io.qccompanion.server.scorecards.ScorecardSelector;
import io.qccompanion.server.scorecards.Scorecards;
import io.qccompanion.server.scoring.ScoringEngine;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.summaries.SummariesFeature;
import io.qccompanion.server.sync.SyncFeature;
import io.qccompanion.server.users.UserDirectory;
import io.qccompanion.server.users.UsersFeature;
import io.qccompanion.server.web.WebFeature;
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
  private final CallerCache callers = new CallerCache();
  private final UserDirectory users;
  private final Sessions sessions;
  private final ApiTokens tokens;
  private final ConnectionsFeature connections;
  private final SyncFeature sync;
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
  private final CoachingFeature coaching;
  private final RetentionFeature retention;
  private final SummariesFeature summaries;
  private final Notifications notifications;
  private final WorkflowNotices notices;
  private final List<AutoCloseable> background = new ArrayList<>();
  private final AutoQaFeature autoQa;
  private Javalin javalin;

  /** Opens and migrates the database and builds every service; {@link #start} adds the routes. */
  public CompanionApp(CompanionConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.db = Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
    db.migrateIfBehind();
    this.audit = new AuditLog(clock);
    this.users = new UserDirectory(db, clock, callers);
    this.sessions = new Sessions(db, clock, config.sessionTtl(), callers);
    this.tokens = new ApiTokens(db, clock, callers);
    this.connections =
        new ConnectionsFeature(
            db, new SecretBox(config.secretKey()), clock, audit, config.publicUrl(), metrics);
    this.sampling = new Sampling(clock, audit, CoachingFeature.samplingSignal());
    this.sync =
        new SyncFeature(
            db,
            connections.store(),
            connections.connectors(),
            users,
            sampling,
            audit,
            clock,
            metrics);
    this.scorecards = new Scorecards(clock, audit, users);
    this.selector = new ScorecardSelector(db);
    this.scoring = new ScoringEngine();
    this.outbox = new Outbox(clock);
    this.summaries = new SummariesFeature(db, clock, audit);
    this.escalations = new ComplianceEscalations(clock, audit);
    this.notifications = new Notifications(clock, config.mail(), config.publicUrl());
    this.notices = new WorkflowNotices(notifications);
    this.autoQa =
        new AutoQaFeature(
            db,
            clock,
            audit,
            scorecards,
            sampling.spotlight()::raise,
            config.autoQaHoldoutPercent());
    this.evaluations =
        new EvaluationService(
            clock,
            audit,
            scorecards,
            selector,
            scoring,
            outbox,
            List.of(
                summaries::apply,
                (h, id) -> escalations.raiseFor(h, id),
                notices::evaluationChanged,
                autoQa.outcomes()));
    this.gateway = new EvaluationGateway(evaluations, scorecards, scoring);
    SinkOpener sinks = connections.connectors()::openSink;
    this.writeBack =
        new WriteBackWorker(
            db, clock, sinks, connections.writeBackFailures(), metrics, config.publicUrl());
    this.calibrations = new CalibrationService(clock, audit, gateway, notices);
    this.feedback = new FeedbackService(clock, audit, gateway, escalations);
    this.graderConsistency = new GraderConsistency(calibrations, gateway);
    this.coaching = new CoachingFeature(db, clock, audit, gateway, selector);
    this.retention = new RetentionFeature(db, clock, audit, summaries::retract);
  }

  /** Starts the HTTP server (port 0 picks a free port) and, if configured, background jobs. */
  public CompanionApp start() {
    var authenticator = new Authenticator(db, clock, callers);
    var cookies = new SessionCookies(config.publicUrl().startsWith("https://"));
    var web =
        new WebFeature.Settings(
            config.host(),
            config.port(),
            config.publicUrl(),
            config.security().frameAncestors(),
            config.security().metricsToken(),
            VERSION);
    javalin =
        Javalin.create(
            cfg -> {
              WebFeature.install(
                  cfg,
                  web,
                  db,
                  metrics,
                  () -> connections.store().list().stream().map(c -> c.baseUrl()).toList(),
                  authenticator::guard,
                  connections::refreshHealth);
              UsersFeature.register(
                  cfg.routes,
                  db,
                  users,
                  sessions,
                  tokens,
                  cookies,
                  new LoginThrottle(clock),
                  audit,
                  clock,
                  summaries::apply);
              connections.register(
                  cfg.routes, sync, users, sessions, cookies, new ReplayGuard(db, clock));
              new ConversationRoutes(db, clock).register(cfg.routes);
              PageRoutes.staticFiles(cfg.staticFiles);
              new PageRoutes(
                      new PanelPage(db, new Conversations(clock)),
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
              retention.register(cfg.routes);
              coaching.register(cfg.routes);
              new SamplingRoutes(db, sampling).register(cfg.routes);
              autoQa.register(cfg.routes);
              new AuditPackRoutes(db, graderConsistency, clock, audit).register(cfg.routes);
              summaries.register(cfg.routes);
            });
    javalin.start();
    if (config.schedulers()) {
      background.add(sync.schedule(15));
      writeBack.start();
      background.add(workflowJobs().start(5, 24 * 60));
      // weekly quota top-ups are due near a week's end whether or not tickets arrive
      background.add(
          new DailyJobs(List.of(() -> db.run(h -> sampling.engine().topUpDue(h)))).start(2, 60));
      background.add(autoQa.startWorker(100, 60));
      // keeps the ticket roll-up's backlog short, so a summary read seldom folds much itself
      background.add(new DailyJobs(List.of(summaries::foldTicketKpis)).start(1, 1));
      if (notifications.mailConfigured())
        background.add(new DailyJobs(List.of(() -> notifications.mailPending(db))).start(1, 1));
    }
    return this;
  }

  // Housekeeping of the QA workflows; each job runs in its own transaction.
  private DailyJobs workflowJobs() {
    return new DailyJobs(
        List.of(
            () -> db.run(retention::purge),
            () -> db.run(coaching::reviewDue),
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
    return connections.store();
  }

  public ConnectorRegistry connectors() {
    return connections.connectors();
  }

  public SyncFeature sync() {
    return sync;
  }

  /** AutoQA (engine, worker, routes). */
  public AutoQaFeature autoQa() {
    return autoQa;
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

  public CoachingFeature coaching() {
    return coaching;
  }

  public SummariesFeature summaries() {
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
    connections.connectors().releaseAll();
    db.close();
  }
}
