package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.qccompanion.connector.http.RequestMetrics;
import io.qccompanion.connector.http.Sleeper;
import io.qccompanion.model.ConnectionOption;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.model.Host;
import io.qccompanion.model.PanelLogin;
import io.qccompanion.model.RequestObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Jira Cloud, Jira Service Management and Jira Data Center, chosen by the connection option {@code
 * flavor} ({@code cloud}, {@code jsm}, {@code dc}). Options are listed in docs/jira.md.
 */
public final class JiraConnectorProvider implements ConnectorProvider {
  /** The id of this connector's host, {@code jira}. */
  public static final Host HOST = Host.of("jira");

  // Issue keys (SUP-42) and numeric ids become {id} in request metrics, so endpoints stay few.
  private static final String ISSUE_ID = RequestMetrics.NUMERIC_ID + "|[A-Z][A-Z0-9]+-\\d+";

  private final Sleeper sleeper;
  private final List<Interceptor> interceptors;
  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final ForgeTokenVerifier forgeTokens;
  private final java.util.concurrent.ConcurrentHashMap<String, JiraHttp> clients =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile RequestObserver observer = RequestObserver.NONE;

  /** Used by {@link java.util.ServiceLoader}. */
  public JiraConnectorProvider() {
    this(Sleeper.REAL, List.of());
  }

  JiraConnectorProvider(Sleeper sleeper, List<Interceptor> interceptors) {
    this.sleeper = sleeper;
    this.interceptors = List.copyOf(interceptors);
    OkHttpClient.Builder jwks = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10));
    interceptors.forEach(jwks::addInterceptor);
    this.forgeTokens = new ForgeTokenVerifier(jwks);
  }

  @Override
  public Host host() {
    return HOST;
  }

  @Override
  public String displayName() {
    return "Jira (Cloud, Service Management, Data Center)";
  }

  /** Every key is described in docs/jira.md. */
  @Override
  public List<ConnectionOption> connectionOptions() {
    return JiraConnectionOptions.ALL;
  }

  @Override
  public JiraSource openSource(ConnectionSettings settings, Clock clock) {
    return new JiraTicketSource(settings, http(settings, clock), mapper, clock);
  }

  @Override
  public JiraSink openSink(ConnectionSettings settings, Clock clock) {
    return new JiraFeedbackSink(settings, http(settings, clock));
  }

  /** Checks {@code X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, body)>} in constant time. */
  @Override
  public boolean verifyWebhook(
      Map<String, String> headers, byte[] body, String secret, Instant now) {
    return WebhookSignature.verify(headers, body, secret);
  }

  /**
   * The Forge issue panel calls with a Forge Invocation Token as Bearer, verified with options
   * {@code panel.appId} and {@code panel.jwksUrl} (or {@code panel.jwks}).
   */
  @Override
  public Optional<PanelLogin> panelLogin() {
    return Optional.of(forgeTokens::verify);
  }

  /** One client per connection for the process life; new settings (a rotated token) replace it. */
  private JiraHttp http(ConnectionSettings settings, Clock clock) {
    if (settings.connectionId() == null)
      return new JiraHttp(settings, clock, sleeper, interceptors, mapper);
    return clients.compute(
        settings.connectionId(),
        (id, current) -> {
          if (current != null && current.settings().equals(settings)) return current;
          if (current != null) current.close();
          List<Interceptor> all = new java.util.ArrayList<>(interceptors);
          all.add(new RequestMetrics(id, observer, ISSUE_ID));
          return new JiraHttp(settings, clock, sleeper, all, mapper);
        });
  }

  @Override
  public void observe(RequestObserver observer) {
    this.observer = observer == null ? RequestObserver.NONE : observer;
  }

  @Override
  public void release(String connectionId) {
    JiraHttp http = clients.remove(connectionId);
    if (http != null) http.close();
  }
}
