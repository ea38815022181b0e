package io.qccompanion.server.connections;

import static io.qccompanion.server.auth.Role.ADMIN;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.model.ConnectionOption;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.model.Host;
import io.qccompanion.model.TicketSource;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.HttpProblem;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Admin API for connections: CRUD, test through the SPI, status and alerts, pause, sync now. */
final class ConnectionRoutes {
  private final Database db;
  private final ConnectionStore store;
  private final ConnectorRegistry connectors;
  private final SyncNow sync;
  private final AuditLog audit;
  private final Clock clock;

  public ConnectionRoutes(
      Database db,
      ConnectionStore store,
      ConnectorRegistry connectors,
      SyncNow sync,
      AuditLog audit,
      Clock clock) {
    this.db = db;
    this.store = store;
    this.connectors = connectors;
    this.sync = sync;
    this.audit = audit;
    this.clock = clock;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/connectors", this::connectors, ADMIN);
    r.get("/api/v1/connections", this::list, ADMIN);
    r.post("/api/v1/connections", this::create, ADMIN);
    r.get("/api/v1/connections/{id}", this::get, ADMIN);
    r.patch("/api/v1/connections/{id}", this::update, ADMIN);
    r.delete("/api/v1/connections/{id}", this::delete, ADMIN);
    r.post("/api/v1/connections/{id}/test", this::test, ADMIN);
    r.post("/api/v1/connections/{id}/pause", this::pause, ADMIN);
    r.post("/api/v1/connections/{id}/resume", this::resume, ADMIN);
    r.post("/api/v1/connections/{id}/start", this::resume, ADMIN);
    r.post("/api/v1/connections/{id}/sync", this::syncNow, ADMIN);
  }

  record ConnectionRequest(
      String name,
      String host,
      String baseUrl,
      String authKind,
      String username,
      String secret,
      String webhookSecret,
      List<String> closedStatuses,
      Map<String, String> options,
      Instant startFrom,
      Integer intervalSeconds,
      String attribution) {}

  /** A connection with its sync status, write-back outcome and any alert an admin must act on. */
  record View(Connection connection, SyncStatus sync, String alert, WriteBacks writeBack) {}

  /** Write-back rows of a connection by status, and the latest failures with their step. */
  record WriteBacks(int pending, int done, int failed, List<Failure> recentFailures) {}

  /** A FAILED write-back: which step stopped it, why, and which steps had finished. */
  record Failure(
      String evaluationId, String ticketKey, String failedStep, String detail, List<String> done) {}

  private WriteBacks writeBacks(String connectionId) {
    return db.read(
        h -> {
          Map<String, Integer> counts = new java.util.HashMap<>();
          h.createQuery(
                  "SELECT status, count(*) FROM outbox WHERE connection_id = ? GROUP BY status")
              .bind(0, connectionId)
              .map((rs, c) -> Map.entry(rs.getString(1), rs.getInt(2)))
              .forEach(e -> counts.put(e.getKey(), e.getValue()));
          List<Failure> failures =
              h.createQuery(
                      """
                      SELECT o.evaluation_id, COALESCE(t.ticket_key, t.external_id), o.failed_step,
                        o.detail, o.steps
                      FROM outbox o JOIN evaluations e ON e.id = o.evaluation_id
                      JOIN tickets t ON t.id = e.ticket_id
                      WHERE o.connection_id = ? AND o.status = 'FAILED'
                      ORDER BY o.updated_at DESC LIMIT 5""")
                  .bind(0, connectionId)
                  .map(
                      (rs, c) ->
                          new Failure(
                              rs.getString(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getString(5) == null
                                  ? List.of()
                                  : List.copyOf(
                                      io.qccompanion.server.domain.Json.read(
                                              rs.getString(5), Map.class)
                                          .keySet())))
                  .list();
          return new WriteBacks(
              counts.getOrDefault("PENDING", 0),
              counts.getOrDefault("DONE", 0),
              counts.getOrDefault("FAILED", 0),
              failures);
        });
  }

  View view(Connection c) {
    SyncStatus status = SyncStatus.read(db, c.id(), clock.instant()).orElse(null);
    String alert =
        c.status() == Connection.Status.PAUSED
            ? "Connection paused: "
                + c.pausedReason()
                + ". Check the credentials (a dedicated service account avoids this when people leave), then resume."
            : status != null && status.consecutiveFailures() > 0
                ? status.consecutiveFailures() + " failed sync(s): " + status.lastError()
                : null;
    return new View(c, status, alert, writeBacks(c.id()));
  }

  /** An installed connector as the admin form needs it. */
  record ConnectorView(
      String host,
      String displayName,
      List<String> defaultClosedStatuses,
      boolean panelLogin,
      List<ConnectionOption> options) {}

  void connectors(Context ctx) {
    ctx.json(
        Map.of(
            "items",
            connectors.providers().stream()
                .map(
                    p ->
                        new ConnectorView(
                            p.host().id(),
                            p.displayName(),
                            p.defaultClosedStatuses(),
                            p.panelLogin().isPresent(),
                            p.connectionOptions()))
                .toList()));
  }

  void list(Context ctx) {
    ctx.json(Map.of("items", store.list().stream().map(this::view).toList()));
  }

  void get(Context ctx) {
    ctx.json(view(store.get(ctx.pathParam("id"))));
  }

  void create(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ConnectionRequest req = Bodies.read(ctx, ConnectionRequest.class);
    Host host = host(req.host());
    ConnectorProvider provider =
        connectors
            .provider(host)
            .orElseThrow(
                () ->
                    HttpProblem.invalid(
                        "/host", "no connector installed for " + host.id() + "; " + installed()));
    var draft =
        new ConnectionStore.Draft(
            Fields.required(req.name(), "/name"),
            host,
            baseUrl(Fields.required(req.baseUrl(), "/baseUrl")),
            Fields.oneOf(ConnectionSettings.Auth.Kind.class, req.authKind(), "/authKind"),
            req.username(),
            Fields.required(req.secret(), "/secret"),
            req.webhookSecret(),
            req.closedStatuses() != null ? req.closedStatuses() : provider.defaultClosedStatuses(),
            req.options() != null ? req.options() : Map.of(),
            req.startFrom() != null
                ? req.startFrom()
                : clock.instant().minus(ConnectionSettings.DEFAULT_START),
            interval(req.intervalSeconds() == null ? 300 : req.intervalSeconds()),
            req.attribution() == null
                ? Connection.Attribution.ASSIGNEE_AT_SOLVE
                : Fields.oneOf(Connection.Attribution.class, req.attribution(), "/attribution"));
    if (draft.authKind() == ConnectionSettings.Auth.Kind.API_TOKEN)
      Fields.required(draft.username(), "/username");
    Connection created =
        db.write(
            h -> {
              Connection c = store.insert(h, Ids.newId(), draft, Connection.Status.UNTESTED);
              audit.record(h, p.userId(), "connection.create", "connection", c.id(), null, c);
              return c;
            });
    ctx.status(201).json(view(created));
  }

  void update(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    ConnectionRequest req = Bodies.read(ctx, ConnectionRequest.class);
    if (req.host() != null) throw HttpProblem.invalid("/host", "host cannot be changed");
    if (req.startFrom() != null)
      throw HttpProblem.invalid("/startFrom", "startFrom cannot be changed after creation");
    var draft =
        new ConnectionStore.Draft(
            req.name() == null ? null : Fields.required(req.name(), "/name"),
            null,
            req.baseUrl() == null ? null : baseUrl(req.baseUrl()),
            req.authKind() == null
                ? null
                : Fields.oneOf(ConnectionSettings.Auth.Kind.class, req.authKind(), "/authKind"),
            req.username(),
            req.secret(),
            req.webhookSecret(),
            req.closedStatuses(),
            req.options(),
            null,
            req.intervalSeconds() == null ? null : interval(req.intervalSeconds()),
            req.attribution() == null
                ? null
                : Fields.oneOf(Connection.Attribution.class, req.attribution(), "/attribution"));
    Connection updated =
        db.write(
            h -> {
              Connection before = store.get(h, id);
              Connection after = store.update(h, id, draft);
              audit.record(h, p.userId(), "connection.update", "connection", id, before, after);
              return after;
            });
    ctx.json(view(updated));
  }

  void delete(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    db.run(
        h -> {
          Connection before = store.get(h, id);
          long tickets =
              h.createQuery("SELECT count(*) FROM tickets WHERE connection_id = ?")
                  .bind(0, id)
                  .mapTo(Long.class)
                  .one();
          if (tickets > 0)
            throw HttpProblem.conflict(
                "connection '"
                    + before.name()
                    + "' has "
                    + tickets
                    + " tickets; pause it instead, or purge its tickets through retention first");
          store.delete(h, id);
          audit.record(h, p.userId(), "connection.delete", "connection", id, before, null);
        });
    connectors.release(id);
    ctx.status(204);
  }

  void test(Context ctx) {
    String id = ctx.pathParam("id");
    store.get(id);
    ConnectionCheck check;
    try (TicketSource source = connectors.openSource(id)) {
      check = source.check();
    }
    // A passing test is what lets the scheduler start the first sync.
    if (check.ok()) db.run(h -> store.start(h, id));
    ctx.json(check);
  }

  void pause(Context ctx) {
    setPaused(ctx, "paused by an admin");
  }

  void resume(Context ctx) {
    setPaused(ctx, null);
  }

  private void setPaused(Context ctx, String reason) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    Connection after =
        db.write(
            h -> {
              Connection before = store.get(h, id);
              store.setPaused(h, id, reason);
              if (reason == null)
                h.createUpdate(
                        "UPDATE sync_state SET consecutive_failures = 0 WHERE connection_id = ?")
                    .bind(0, id)
                    .execute();
              Connection c = store.get(h, id);
              audit.record(
                  h,
                  p.userId(),
                  reason == null ? "connection.resume" : "connection.pause",
                  "connection",
                  id,
                  before,
                  c);
              return c;
            });
    ctx.json(view(after));
  }

  void syncNow(Context ctx) {
    String id = ctx.pathParam("id");
    store.get(id);
    // "Sync now" is an explicit start of an untested connection.
    db.run(h -> store.start(h, id));
    if ("false".equals(ctx.queryParam("wait"))) {
      db.run(h -> SyncStatus.request(h, id, clock.millis()));
      ctx.status(202).json(Map.of("requested", true));
      return;
    }
    SyncNow.Result result = sync.syncOnce(id, 50);
    var body = new LinkedHashMap<String, Object>();
    body.put("result", result);
    body.put("connection", view(store.get(id)));
    ctx.json(body);
  }

  private Host host(String value) {
    String id = Fields.required(value, "/host").strip().toLowerCase(java.util.Locale.ROOT);
    if (!Host.isValid(id)) throw HttpProblem.invalid("/host", "host must be " + installed());
    return Host.of(id);
  }

  private String installed() {
    List<String> ids = connectors.providers().stream().map(p -> p.host().id()).toList();
    return ids.isEmpty() ? "installed: none" : "one of " + String.join(", ", ids);
  }

  private static String baseUrl(String value) {
    try {
      URI uri = URI.create(value.strip());
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
          || uri.getHost() == null) throw new IllegalArgumentException();
      String s = uri.toString();
      return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    } catch (IllegalArgumentException e) {
      throw HttpProblem.invalid(
          "/baseUrl", "baseUrl must be an http(s) URL such as https://support.example.com");
    }
  }

  private static int interval(int seconds) {
    return Fields.range(seconds, 60, 86_400, "/intervalSeconds");
  }
}
