package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.qccompanion.model.ConnectionOption;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.model.Host;
import io.qccompanion.model.PanelLogin;
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

  private final Sleeper sleeper;
  private final List<Interceptor> interceptors;
  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private final ForgeTokenVerifier forgeTokens;

  /** Used by {@link java.util.ServiceLoader}. */
  public JiraConnectorProvider() {
    this(Sleeper.REAL, List.of());
  }

  JiraConnectorProvider(Sleeper sleeper, List<Interceptor> interceptors) {
    this.sleeper = sleeper;
    this.interceptors = List.copyOf(interceptors);
    OkHttpClient.Builder jwks = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10));
    interceptors.forEach(jwks::addInterceptor);
    this.forgeTokens = new ForgeTokenVerifier(jwks.build());
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
    return new JiraTicketSource(settings, http(settings), mapper, clock);
  }

  @Override
  public JiraSink openSink(ConnectionSettings settings, Clock clock) {
    return new JiraFeedbackSink(settings, http(settings));
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

  private JiraHttp http(ConnectionSettings settings) {
    return new JiraHttp(settings, sleeper, interceptors, mapper);
  }
}
