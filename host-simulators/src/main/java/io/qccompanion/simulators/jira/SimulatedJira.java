package io.qccompanion.simulators.jira;

import com.sun.net.httpserver.HttpServer;
import io.qccompanion.simulators.Faults;
import io.qccompanion.simulators.SimOptions;
import io.qccompanion.simulators.SimOptions.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Jira Cloud / Jira Service Management / Jira Data Center fake: a real HTTP server on 127.0.0.1
 * answering the endpoints the connector uses like the official specs describe, over seeded issues
 * that read like a support queue, with fault switches ({@link #faults()}). Used by the tests, the
 * benchmark and the companion's demo.
 *
 * <pre>{@code
 * try (SimulatedJira jira = SimulatedJira.start(SimulatedJira.defaults().seed(7).build())) {
 *   jira.baseUrl(); jira.agents(); jira.commentsOf("SUP-1");
 * }
 * }</pre>
 */
public final class SimulatedJira implements AutoCloseable {

  /** An agent issues are assigned to; {@code skill} (0..1) drives CSAT, reopens and speed. */
  public record Agent(
      String accountId, String displayName, String email, String projectKey, double skill) {}

  /** A customer (reporter). */
  public record Customer(String accountId, String displayName, String email) {}

  /** The Jira defaults: Cloud, SUP (software) + HELP (JSM), 8 agents, 1,500 issues, 12 weeks. */
  public static SimOptions.Builder defaults() {
    return SimOptions.builder().ticketCount(1500).agentCount(8).email("qc-bot@example.com");
  }

  /** Sort key of the "ORDER BY updated ASC, id ASC" index. */
  record Position(Instant updated, long id) {
    static final Comparator<Position> ORDER =
        Comparator.comparing(Position::updated).thenComparingLong(Position::id);
  }

  final SimOptions options;
  final IssueGenerator generator;
  final Faults faults = new Faults();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong commentIds = new AtomicLong(900_000);
  private final List<Agent> agents;
  final Map<String, Agent> agentsById = new HashMap<>();
  final Map<String, Customer> customersById = new HashMap<>();
  private final List<Customer> customers;
  final Map<String, SimIssue> issuesByRef = new HashMap<>();
  final NavigableMap<Position, SimIssue> byUpdated = new TreeMap<>(Position.ORDER);
  private final Map<String, Integer> keyCounters = new HashMap<>();
  private long nextId = 10_000;
  private final HttpServer server;
  private final ExecutorService executor;

  private SimulatedJira(SimOptions options) throws IOException {
    this.options = options;
    this.generator = new IssueGenerator(options);
    this.agents = generator.agents();
    this.customers = generator.customers(Math.max(50, options.ticketCount() / 20));
    agents.forEach(a -> agentsById.put(a.accountId(), a));
    customers.forEach(c -> customersById.put(c.accountId(), c));
    Map<String, List<Agent>> byProject = new HashMap<>();
    agents.forEach(a -> byProject.computeIfAbsent(a.projectKey(), k -> new ArrayList<>()).add(a));
    java.util.Random pick = new java.util.Random(options.seed() ^ 0x5eed);
    for (int i = 0; i < options.ticketCount(); i++) {
      Project project = options.projects().get(pick.nextInt(options.projects().size()));
      List<Agent> team = byProject.getOrDefault(project.key(), agents);
      Agent agent = team.get(pick.nextInt(team.size()));
      Customer customer = customers.get(pick.nextInt(customers.size()));
      SimIssue issue = generator.issue(nextId++, nextKey(project), project, agent, customer);
      index(issue);
    }
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "simulated-jira");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", new SimApi(this));
    server.start();
  }

  /** Generates the issues and starts the server on a free port of 127.0.0.1. */
  public static SimulatedJira start(SimOptions options) {
    try {
      return new SimulatedJira(options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** e.g. {@code http://127.0.0.1:54321}; use it as the connection's base URL. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The options the instance was started with. */
  public SimOptions options() {
    return options;
  }

  /** Agents with their skill, so a demo can generate QC grades that match the host data. */
  public List<Agent> agents() {
    return List.copyOf(agents);
  }

  /** Fault switches. */
  public Faults faults() {
    return faults;
  }

  /** Requests answered so far (including faulted ones). */
  public long requestCount() {
    return requests.get();
  }

  /** Number of issues. */
  public synchronized int issueCount() {
    return byUpdated.size();
  }

  /** Number of issues currently in a Done-category status. */
  public synchronized int doneCount() {
    return (int) byUpdated.values().stream().filter(i -> i.status.done).count();
  }

  /** Plain text of the comments written through the API on an issue, oldest first. */
  public synchronized List<String> commentsOf(String key) {
    return issue(key).comments.stream().map(SimIssue.Comment::text).toList();
  }

  /** Plain text of the API-written comments hidden from customers (internal or restricted). */
  public synchronized List<String> internalCommentsOf(String key) {
    return issue(key).comments.stream()
        .filter(c -> !c.jsdPublic() || c.visibilityType() != null)
        .map(SimIssue.Comment::text)
        .toList();
  }

  /** Keys of issues currently in a Done-category status in {@code projectKey}. */
  public synchronized List<String> doneKeys(String projectKey) {
    return byUpdated.values().stream()
        .filter(i -> i.status.done && i.project.key().equals(projectKey))
        .map(i -> i.key)
        .toList();
  }

  /** Labels of an issue. */
  public synchronized Set<String> labelsOf(String key) {
    return new LinkedHashSet<>(issue(key).labels);
  }

  /** The value of an issue property, or null. */
  public synchronized Object propertyOf(String key, String property) {
    return issue(key).properties.get(property);
  }

  /**
   * Creates an issue assigned to {@code assigneeAccountId} and resolves it at {@code resolvedAt}.
   */
  public synchronized String addIssue(
      String projectKey, String assigneeAccountId, String summary, Instant resolvedAt) {
    Project project =
        options.projects().stream()
            .filter(p -> p.key().equals(projectKey))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown project " + projectKey));
    Agent agent = agentsById.get(assigneeAccountId);
    SimIssue issue =
        new SimIssue(
            nextId++,
            nextKey(project),
            project,
            summary,
            project.serviceDesk() ? "Service Request" : "Support",
            "Medium",
            customers.get(0).accountId(),
            resolvedAt.minusSeconds(3600),
            agent == null ? 0.5 : agent.skill());
    issue.assign(
        generator.nextChangeId(),
        issue.created.plusSeconds(60),
        assigneeAccountId,
        assigneeAccountId);
    issue.transition(
        generator.nextChangeId(),
        issue.created.plusSeconds(60),
        assigneeAccountId,
        SimStatus.IN_PROGRESS);
    issue.transition(generator.nextChangeId(), resolvedAt, assigneeAccountId, SimStatus.DONE);
    index(issue);
    return issue.key;
  }

  /** Moves an issue to Done at {@code at} (reopening it first when it is already Done). */
  public synchronized void resolve(String key, Instant at) {
    SimIssue issue = issue(key);
    byUpdated.remove(new Position(issue.updated, issue.id));
    if (issue.status.done) {
      issue.transition(
          generator.nextChangeId(), at.minusSeconds(60), issue.reporterId, SimStatus.IN_PROGRESS);
    }
    issue.transition(generator.nextChangeId(), at, issue.assigneeId, SimStatus.DONE);
    byUpdated.put(new Position(issue.updated, issue.id), issue);
  }

  /** Keys of all issues, ordered by updated then id. */
  public synchronized List<String> keys() {
    return byUpdated.values().stream().map(i -> i.key).toList();
  }

  synchronized void touch(SimIssue issue, Instant at) {
    byUpdated.remove(new Position(issue.updated, issue.id));
    if (at.isAfter(issue.updated)) issue.updated = at;
    byUpdated.put(new Position(issue.updated, issue.id), issue);
  }

  SimIssue issue(String ref) {
    SimIssue issue = issuesByRef.get(ref);
    if (issue == null) throw new IllegalArgumentException("no issue " + ref);
    return issue;
  }

  private void index(SimIssue issue) {
    issuesByRef.put(issue.key, issue);
    issuesByRef.put(issue.id(), issue);
    byUpdated.put(new Position(issue.updated, issue.id), issue);
  }

  private String nextKey(Project project) {
    return project.key() + "-" + keyCounters.merge(project.key(), 1, Integer::sum);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
