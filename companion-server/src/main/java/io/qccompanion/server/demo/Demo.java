package io.qccompanion.server.demo;

import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.Host;
import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.connections.Connection;
import io.qccompanion.server.connections.ConnectionStore;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.users.User;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets up the demo on a fresh database: staff logins for every role, connections to the simulated
 * Zendesk and Jira, a full sync through the real connectors, then {@link DemoData} for scorecards,
 * past grades, sampling of the latest week and workflows.
 */
public final class Demo {
  public static final String PASSWORD = "demo-password";
  static final String WEBHOOK_SECRET = "demo-webhook-secret";

  private final CompanionApp app;
  private final DemoHosts hosts;
  private final DemoClock clock;
  private final PrintStream out;

  public Demo(CompanionApp app, DemoHosts hosts, DemoClock clock, PrintStream out) {
    this.app = app;
    this.hosts = hosts;
    this.clock = clock;
    this.out = out;
  }

  /** A login printed for the user. */
  public record Login(Role role, String email, String note) {}

  private static final Host ZENDESK = Host.of("zendesk");
  private static final Host JIRA = Host.of("jira");

  /** Creates everything; returns the logins to print. */
  public List<Login> setUp() {
    var c = app;
    List<Login> logins = new ArrayList<>();
    User admin = user(Role.ADMIN, "admin@demo.test", "Alex Admin", null);
    logins.add(
        new Login(Role.ADMIN, admin.email(), "configures connections, scorecards, sampling"));
    user(Role.MANAGER, "manager@demo.test", "Morgan Manager", null);
    logins.add(new Login(Role.MANAGER, "manager@demo.test", "summaries, targets, production"));
    User lead = user(Role.QC_LEAD, "lead@demo.test", "Lee Lead", null);
    logins.add(new Login(Role.QC_LEAD, lead.email(), "calibration, disputes"));
    user(Role.QC, "qc1@demo.test", "Quinn Checker", null);
    logins.add(new Login(Role.QC, "qc1@demo.test", "grades the queue"));
    user(Role.QC, "qc2@demo.test", "Riley Reviewer", null);
    user(Role.QC, "qc3@demo.test", "Sam Scorer", null);
    c.sync().sampleOnIngest(false);
    List<String> connectionIds =
        List.of(
            connection(
                "acme-zendesk",
                ZENDESK,
                hosts.zendesk().baseUrl(),
                hosts.zendesk().options().email(),
                hosts.zendesk().options().apiToken(),
                Map.of(
                    "field.handleTime",
                    Long.toString(
                        io.qccompanion.simulators.zendesk.SimulatedZendesk.HANDLE_TIME_FIELD_ID))),
            connection(
                "acme-jira",
                JIRA,
                hosts.jira().baseUrl(),
                hosts.jira().options().email(),
                hosts.jira().options().apiToken(),
                Map.of("flavor", "cloud", "projects", "SUP")),
            connection(
                "acme-jsm",
                JIRA,
                hosts.jira().baseUrl(),
                hosts.jira().options().email(),
                hosts.jira().options().apiToken(),
                // The simulated JSM rates resolved requests in its Satisfaction field.
                Map.of(
                    "flavor",
                    "jsm",
                    "projects",
                    "HELP",
                    "field.satisfaction",
                    io.qccompanion.simulators.jira.SimulatedJira.SATISFACTION_FIELD)));
    for (String id : connectionIds) {
      var result = c.sync().syncOnce(id, 10_000);
      out.printf(
          "  synced %-13s %5d tickets (%s)%n",
          c.connections().get(id).name(), result.tickets(), result.outcome());
    }
    var agent =
        c.users().agents().stream().filter(a -> a.email() != null).findFirst().orElseThrow();
    User agentUser = user(Role.AGENT, "agent@demo.test", agent.name(), agent.id());
    logins.add(new Login(Role.AGENT, agentUser.email(), "sees " + agent.name() + "'s feedback"));
    new DemoData(app, hosts, clock, out).populate(admin.id(), lead.id(), agentUser.id());
    c.sync().sampleOnIngest(true);
    return logins;
  }

  private User user(Role role, String email, String name, String agentId) {
    var c = app;
    return c.db()
        .write(h -> c.users().createUser(h, email, name, role, PASSWORD, agentId, List.of(), 60));
  }

  private String connection(
      String name,
      Host host,
      String baseUrl,
      String email,
      String token,
      Map<String, String> options) {
    var c = app;
    Instant startFrom = clock.instant().minus(java.time.Duration.ofDays(7 * 13));
    var draft =
        new ConnectionStore.Draft(
            name,
            host,
            baseUrl,
            ConnectionSettings.Auth.Kind.API_TOKEN,
            email,
            token,
            WEBHOOK_SECRET,
            host.equals(ZENDESK) ? List.of("solved", "closed") : List.of(),
            options,
            startFrom,
            300,
            Connection.Attribution.ASSIGNEE_AT_SOLVE);
    return c.db().write(h -> c.connections().insert(h, Ids.newId(), draft)).id();
  }
}
