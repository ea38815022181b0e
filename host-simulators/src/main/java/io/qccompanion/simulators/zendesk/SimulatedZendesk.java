package io.qccompanion.simulators.zendesk;

import com.sun.net.httpserver.HttpServer;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.Host;
import io.qccompanion.simulators.Faults;
import io.qccompanion.simulators.SimOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A simulated Zendesk Support account served over real HTTP on 127.0.0.1: the incremental cursor
 * export with side-loads, users/me, tickets, comments, tags and ticket metrics, answering like the
 * official API description. Data is generated from a seed; {@link #faults()} injects 429s, 5xx,
 * slow or malformed answers, dropped connections and revoked credentials. Used by tests, the
 * benchmark and the companion's {@code demo} command.
 */
public final class SimulatedZendesk implements AutoCloseable {
  /**
   * Custom field holding the agent handle time in seconds (set option {@code field.handleTime}).
   */
  public static final long HANDLE_TIME_FIELD_ID = 360_000_000_001L;

  /** Custom field holding the ticket's product area. */
  public static final long PRODUCT_AREA_FIELD_ID = 360_000_000_002L;

  /**
   * The Zendesk defaults: 4,000 solved or closed tickets (plus 5% still open) over 12 weeks before
   * now, 20 agents, account {@code acme} with groups Billing / Technical Support / Customer Care.
   */
  public static SimOptions.Builder defaults() {
    return SimOptions.builder()
        .ticketCount(4000)
        .agentCount(20)
        .email("qc-service@acme.example.com");
  }

  static {
    // The JDK server otherwise waits on Nagle + delayed ACK (~40 ms) for small answers.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final SimOptions options;
  private final HttpServer server;
  private final ExecutorService executor;
  private final SimStore store;
  private final SimApi api;
  private final Faults faults = new Faults();
  private final String baseUrl;

  private SimulatedZendesk(SimOptions options) throws IOException {
    this.options = options;
    this.store = new SimStore(options);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    this.api = new SimApi(store, new SimJson(baseUrl, options), faults, options, baseUrl);
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "simulated-zendesk");
              t.setDaemon(true);
              return t;
            });
    server.createContext("/", api);
    server.setExecutor(executor);
    server.start();
  }

  /** Generates the account and starts serving it on a free port of 127.0.0.1. */
  public static SimulatedZendesk start(SimOptions options) {
    try {
      return new SimulatedZendesk(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start simulated Zendesk", e);
    }
  }

  /** e.g. {@code http://127.0.0.1:53124}; use it as the connection's base URL. */
  public String baseUrl() {
    return baseUrl;
  }

  public SimOptions options() {
    return options;
  }

  /**
   * Connection settings for this account: API token auth, closed statuses solved/closed, start from
   * {@code weeks} before now, handle time read from {@link #HANDLE_TIME_FIELD_ID}, plus {@code
   * extraOptions}.
   */
  public ConnectionSettings connectionSettings(
      String connectionId, Map<String, String> extraOptions) {
    Map<String, String> opts = new HashMap<>();
    opts.put("field.handleTime", Long.toString(HANDLE_TIME_FIELD_ID));
    opts.putAll(extraOptions);
    return ConnectionSettings.builder()
        .connectionId(connectionId)
        .name(options.subdomain())
        .host(Host.of("zendesk"))
        .baseUrl(baseUrl)
        .auth(
            new ConnectionSettings.Auth(
                ConnectionSettings.Auth.Kind.API_TOKEN, options.email(), options.apiToken()))
        .closedStatuses(List.of("solved", "closed"))
        .startFrom(options.now().minus(Duration.ofDays(7L * options.weeks() + 1)))
        .companionUrl("http://localhost:8080")
        .options(opts)
        .build();
  }

  public Faults faults() {
    return faults;
  }

  /** Requests received so far, including those answered with a fault. */
  public long requestCount() {
    return api.requestCount();
  }

  /** Agents with their skill level (0..1), in id order. */
  public List<Agent> agents() {
    return List.copyOf(store.generator.agents);
  }

  public List<Group> groups() {
    return List.copyOf(store.generator.groups);
  }

  /** Ids of tickets now solved or closed (deleted ones excluded), ascending. */
  public List<Long> closedTicketIds() {
    return store.closedTicketIds();
  }

  /** Comments of a ticket, oldest first, including notes written through the API. */
  public List<Comment> commentsOf(long ticketId) {
    SimTicket t = require(ticketId);
    return store.comments(t);
  }

  public Set<String> tagsOf(long ticketId) {
    SimTicket t = require(ticketId);
    synchronized (store) {
      return Set.copyOf(new ArrayList<>(t.tags));
    }
  }

  /** Custom field values of a ticket, by field id. */
  public Map<Long, String> customFieldsOf(long ticketId) {
    SimTicket t = require(ticketId);
    synchronized (store) {
      return Map.copyOf(t.customFields);
    }
  }

  public String statusOf(long ticketId) {
    SimTicket t = require(ticketId);
    synchronized (store) {
      return t.status;
    }
  }

  /** Creates a new open ticket (updated after every existing one) and returns its id. */
  public long addTicket() {
    return store.addTicket();
  }

  /** Solves a ticket now: it appears in the export again, after the current end. */
  public void solve(long ticketId) {
    store.solve(ticketId);
  }

  /** Closes a ticket: it stays in the export but refuses comments (422), like Zendesk. */
  public void closeTicket(long ticketId) {
    store.setStatus(ticketId, "closed");
  }

  private SimTicket require(long ticketId) {
    SimTicket t = store.ticket(ticketId);
    if (t == null) throw new IllegalArgumentException("no ticket " + ticketId);
    return t;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
