package io.qccompanion.server.connections;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.HostTokenFreshness;
import io.qccompanion.server.auth.ReplayGuard;
import io.qccompanion.server.auth.SecretBox;
import io.qccompanion.server.auth.SessionCookies;
import io.qccompanion.server.auth.Sessions;
import io.qccompanion.server.outbox.ConnectionHealth;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.users.UserDirectory;
import java.time.Clock;

/**
 * The connections feature: the stored connections with their encrypted secrets, the connectors
 * opened for them, their health and request metrics, and the routes (admin, webhooks, host and
 * panel login). The one door into the package besides its records.
 */
public final class ConnectionsFeature {
  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  private final String publicUrl;
  private final ConnectionStore store;
  private final ConnectorRegistry registry;
  private final ConnectionHealthMetrics health;

  public ConnectionsFeature(
      Database db,
      SecretBox box,
      Clock clock,
      AuditLog audit,
      String publicUrl,
      MeterRegistry metrics) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
    this.publicUrl = publicUrl;
    this.store = new ConnectionStore(db, box, clock, publicUrl);
    this.registry = new ConnectorRegistry(store, clock);
    registry.observeWith(new HostRequestMetrics(metrics, store));
    this.health = new ConnectionHealthMetrics(db, metrics);
  }

  public ConnectionStore store() {
    return store;
  }

  public ConnectorRegistry connectors() {
    return registry;
  }

  /** Where the write-back worker reports a connection's failed rows. */
  public ConnectionHealth writeBackFailures() {
    return new WriteBackFailures(db, store, audit);
  }

  /** Refreshes the per-connection health gauges (called when /metrics is scraped). */
  public void refreshHealth() {
    health.refresh();
  }

  /** Registers the admin, webhook, host-login and panel-login routes. */
  public void register(
      RoutesConfig r,
      SyncNow sync,
      UserDirectory users,
      Sessions sessions,
      SessionCookies cookies,
      ReplayGuard replays) {
    var freshness = new HostTokenFreshness(replays, clock);
    new ConnectionRoutes(db, store, registry, sync, audit, clock).register(r);
    new WebhookRoutes(db, store, registry, clock, new WebhookReplays(replays)).register(r);
    var hostLogin =
        new HostLoginRoutes(db, store, registry, users, sessions, cookies, clock, audit, freshness);
    hostLogin.register(r);
    new PanelLoginRoutes(db, store, registry, users, hostLogin, clock, publicUrl, freshness)
        .register(r);
  }
}
