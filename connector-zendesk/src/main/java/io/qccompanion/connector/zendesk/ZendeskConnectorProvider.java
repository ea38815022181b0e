package io.qccompanion.connector.zendesk;

import io.qccompanion.connector.http.RequestMetrics;
import io.qccompanion.connector.http.Sleeper;
import io.qccompanion.model.ConnectionOption;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.Host;
import io.qccompanion.model.PanelLogin;
import io.qccompanion.model.RequestObserver;
import io.qccompanion.model.TicketSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Interceptor;

/** The Zendesk Support connector, found through {@link java.util.ServiceLoader}. */
public final class ZendeskConnectorProvider implements ConnectorProvider {

  /** The id of this connector's host, {@code zendesk}. */
  public static final Host HOST = Host.of("zendesk");

  private static final PanelLogin PANEL_LOGIN = PanelTokenVerifier::verify;

  private final java.util.concurrent.ConcurrentHashMap<String, ZendeskHttp> clients =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile RequestObserver observer = RequestObserver.NONE;
  private final Sleeper sleeper;
  private final List<Interceptor> interceptors;

  /** Used by {@link java.util.ServiceLoader}. */
  public ZendeskConnectorProvider() {
    this(Sleeper.REAL, List.of());
  }

  /** For tests: a sleeper that does not sleep, spec-validating interceptors. */
  ZendeskConnectorProvider(Sleeper sleeper, List<Interceptor> interceptors) {
    this.sleeper = sleeper;
    this.interceptors = List.copyOf(interceptors);
  }

  @Override
  public Host host() {
    return HOST;
  }

  @Override
  public String displayName() {
    return "Zendesk Support";
  }

  /** Every key is described in docs/zendesk.md. */
  @Override
  public List<ConnectionOption> connectionOptions() {
    return ZendeskConnectionOptions.ALL;
  }

  @Override
  public List<String> defaultClosedStatuses() {
    return ZendeskOptions.DEFAULT_CLOSED;
  }

  /** Opens a {@link ZendeskTicketSource}; see docs/zendesk.md for the options it reads. */
  @Override
  public TicketSource openSource(ConnectionSettings settings, Clock clock) {
    return new ZendeskTicketSource(settings, clock, sleeper, this::shared);
  }

  /** Opens a {@link ZendeskFeedbackSink}. */
  @Override
  public FeedbackSink openSink(ConnectionSettings settings, Clock clock) {
    return new ZendeskFeedbackSink(settings, clock, sleeper, this::shared);
  }

  /**
   * One client (request budget, export budget) per connection for the process life, shared by its
   * sources and sinks; new settings (a rotated token) replace it.
   */
  private ZendeskHttp shared(
      ConnectionSettings settings, ZendeskOptions options, Clock clock, Sleeper sleeper) {
    if (settings.connectionId() == null)
      return ZendeskHttp.Factory.withInterceptors(interceptors)
          .open(settings, options, clock, sleeper);
    return clients.compute(
        settings.connectionId(),
        (id, current) -> {
          if (current != null && current.settings().equals(settings)) return current;
          if (current != null) current.shutdown();
          return ZendeskHttp.Factory.withInterceptors(
                  List.of(new RequestMetrics(id, observer, RequestMetrics.NUMERIC_ID)))
              .open(settings, options, clock, sleeper)
              .share();
        });
  }

  @Override
  public void observe(RequestObserver observer) {
    this.observer = observer == null ? RequestObserver.NONE : observer;
  }

  @Override
  public void release(String connectionId) {
    ZendeskHttp http = clients.remove(connectionId);
    if (http != null) http.shutdown();
  }

  /** Checks {@code x-zendesk-webhook-signature} against {@code secret}; 5 minutes freshness. */
  @Override
  public boolean verifyWebhook(
      Map<String, String> headers, byte[] body, String secret, Instant now) {
    return WebhookSignature.verify(headers, body, secret, now);
  }

  /**
   * The ticket sidebar posts a signed-URL JWT (RS256), verified with options {@code
   * panel.publicKey}, {@code panel.audience} and {@code panel.issuer}.
   */
  @Override
  public Optional<PanelLogin> panelLogin() {
    return Optional.of(PANEL_LOGIN);
  }
}
