package io.qccompanion.server.reliability;

import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.Host;
import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.server.connections.Connection;
import io.qccompanion.server.connections.ConnectionStore;
import io.qccompanion.server.evaluations.TicketFixture;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.store.Ids;
import io.qccompanion.simulators.SimOptions;
import io.qccompanion.simulators.jira.SimulatedJira;
import io.qccompanion.simulators.zendesk.SimulatedZendesk;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * What the reliability tests run against: a simulated Zendesk and Jira (real HTTP, in this JVM, so
 * the test flips their faults and reads what was written), one companion database prepared the way
 * an admin would (a Zendesk and a Jira connection, a published scorecard, an admin and a QC with
 * API tokens), and companion child JVMs started on that database.
 */
final class HostWorld implements AutoCloseable {
  static final String WEBHOOK_SECRET = "reliability-webhook-secret";
  final SimulatedZendesk zendesk;
  final SimulatedJira jira;
  final String databaseUrl;
  final String secretKey;
  final Path dir;
  final String zendeskConnection;
  final String jiraConnection;
  final String qcToken;
  final Database db;
  private final List<ChildCompanion> children = new ArrayList<>();

  private HostWorld(
      SimulatedZendesk zendesk,
      SimulatedJira jira,
      String databaseUrl,
      String secretKey,
      Path dir,
      String zendeskConnection,
      String jiraConnection,
      String qcToken) {
    this.zendesk = zendesk;
    this.jira = jira;
    this.databaseUrl = databaseUrl;
    this.secretKey = secretKey;
    this.dir = dir;
    this.zendeskConnection = zendeskConnection;
    this.jiraConnection = jiraConnection;
    this.qcToken = qcToken;
    this.db = Database.open(databaseUrl, null, null);
  }

  /** Generates {@code ticketsPerHost} closed tickets on each host and prepares the database. */
  static HostWorld create(Path dir, String databaseUrl, int ticketsPerHost) {
    return create(dir, databaseUrl, ticketsPerHost, ticketsPerHost);
  }

  /** Generates {@code zendeskTickets} and {@code jiraIssues} closed ones; prepares the database. */
  static HostWorld create(Path dir, String databaseUrl, int zendeskTickets, int jiraIssues) {
    Instant now = Clock.systemUTC().instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    var zendesk =
        SimulatedZendesk.start(
            SimulatedZendesk.defaults().seed(16).ticketCount(zendeskTickets).now(now).build());
    var jira =
        SimulatedJira.start(
            SimulatedJira.defaults()
                .seed(17)
                .issueCount(jiraIssues)
                .projects(List.of(new SimOptions.Project("SUP", "Customer Support", false)))
                .now(now)
                .build());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String secretKey = Base64.getEncoder().encodeToString(key);
    CompanionConfig config =
        CompanionConfig.newBuilder()
            .host("127.0.0.1")
            .port(0)
            .databaseUrl(databaseUrl)
            .secretKey(secretKey)
            .schedulers(false)
            .build();
    var app = new CompanionApp(config, Clock.systemUTC());
    try {
      new TicketFixture(app).scorecard(null, true);
      Instant startFrom = now.minus(Duration.ofDays(7 * 13));
      // Fast timeouts so a slow answer is a timeout; no export limiter: the faults are the limit.
      String zd =
          connection(
              app,
              "reliability-zendesk",
              Host.of("zendesk"),
              zendesk.baseUrl(),
              zendesk.options().email(),
              zendesk.options().apiToken(),
              List.of("solved", "closed"),
              Map.of(
                  "field.handleTime", Long.toString(SimulatedZendesk.HANDLE_TIME_FIELD_ID),
                  "export.requestsPerMinute", "0",
                  "http.readTimeoutMillis", "5000"),
              startFrom);
      String jr =
          connection(
              app,
              "reliability-jira",
              Host.of("jira"),
              jira.baseUrl(),
              jira.options().email(),
              jira.options().apiToken(),
              List.of(),
              Map.of(
                  "flavor", "cloud",
                  "projects", "SUP",
                  "http.timeoutSeconds", "3",
                  "http.backoffMillis", "100"),
              startFrom);
      String token =
          app.db()
              .write(
                  h -> {
                    var qc =
                        app.users()
                            .createUser(
                                h,
                                "qc@reliability.test",
                                "Quinn Reliability",
                                Role.QC,
                                "correct horse battery",
                                null,
                                List.of(),
                                100_000);
                    return app.tokens().create(h, qc.id(), "reliability").token();
                  });
      return new HostWorld(zendesk, jira, databaseUrl, secretKey, dir, zd, jr, token);
    } finally {
      app.close();
    }
  }

  private static String connection(
      CompanionApp app,
      String name,
      Host host,
      String baseUrl,
      String email,
      String token,
      List<String> closedStatuses,
      Map<String, String> options,
      Instant startFrom) {
    var draft =
        new ConnectionStore.Draft(
            name,
            host,
            baseUrl,
            ConnectionSettings.Auth.Kind.API_TOKEN,
            email,
            token,
            WEBHOOK_SECRET,
            closedStatuses,
            options,
            startFrom,
            10,
            Connection.Attribution.ASSIGNEE_AT_SOLVE);
    return app.db().write(h -> app.connections().insert(h, Ids.newId(), draft)).id();
  }

  /** Starts a companion child JVM on this world's database. */
  ChildCompanion child(String name) {
    return child(name, ChildCompanion.TEST_JVM);
  }

  /** Starts a companion child JVM with these JVM options on this world's database. */
  ChildCompanion child(String name, List<String> jvmOptions) {
    var child = ChildCompanion.start(name, databaseUrl, secretKey, dir, jvmOptions);
    children.add(child);
    return child;
  }

  /** Closed tickets each host holds now. */
  int expectedZendesk() {
    return zendesk.closedTicketIds().size();
  }

  int expectedJira() {
    return jira.doneCount();
  }

  long stored(String connectionId) {
    return db.read(
        h ->
            h.createQuery("SELECT count(*) FROM tickets WHERE connection_id = ?")
                .bind(0, connectionId)
                .mapTo(Long.class)
                .one());
  }

  @Override
  public void close() {
    children.forEach(ChildCompanion::close);
    db.close();
    zendesk.close();
    jira.close();
  }
}
