package io.qccompanion.server.connections;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.HttpProblem;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Host webhooks ({@code POST /api/v1/webhooks/{connectionId}}): the connector verifies the
 * signature; a valid event asks for a sync soon. The body is never stored: it is only a hint.
 */
final class WebhookRoutes {
  private final Database db;
  private final ConnectionStore store;
  private final ConnectorRegistry connectors;
  private final Clock clock;
  private final WebhookReplays replays;

  public WebhookRoutes(
      Database db,
      ConnectionStore store,
      ConnectorRegistry connectors,
      Clock clock,
      WebhookReplays replays) {
    this.replays = replays;
    this.db = db;
    this.store = store;
    this.connectors = connectors;
    this.clock = clock;
  }

  public void register(RoutesConfig r) {
    r.post("/api/v1/webhooks/{connectionId}", this::receive);
  }

  void receive(Context ctx) {
    String id = ctx.pathParam("connectionId");
    Connection connection;
    try {
      connection = store.get(id);
    } catch (NotFound notFound) {
      throw HttpProblem.unauthorized("webhook signature is not valid");
    }
    String secret =
        store
            .webhookSecret(id)
            .orElseThrow(
                () -> HttpProblem.unauthorized("no webhook secret configured for this connection"));
    Map<String, String> headers = new HashMap<>();
    ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    ConnectorProvider provider =
        connectors
            .provider(io.qccompanion.model.Host.of(connection.host()))
            .orElseThrow(() -> HttpProblem.unauthorized("webhook signature is not valid"));
    if (!provider.verifyWebhook(headers, ctx.bodyAsBytes(), secret, clock.instant()))
      throw HttpProblem.unauthorized("webhook signature is not valid");
    var verdict = replays.check(id, headers, ctx.bodyAsBytes(), clock.instant());
    if (verdict == WebhookReplays.Verdict.OUTSIDE_WINDOW)
      throw HttpProblem.unauthorized(
          "webhook delivery is older than " + WebhookReplays.WINDOW.toMinutes() + " minutes");
    if (verdict == WebhookReplays.Verdict.DUPLICATE) {
      ctx.status(200).json(Map.of("syncRequested", false, "duplicate", true));
      return;
    }
    db.run(h -> SyncStatus.request(h, id, clock.millis()));
    ctx.status(202).json(Map.of("syncRequested", true));
  }
}
