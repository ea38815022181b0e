package io.qccompanion.model;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point of a connector module, found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.qccompanion.model.ConnectorProvider}). Stateless and thread-safe; the
 * sources and sinks it opens are not.
 *
 * @since 0.1
 */
public interface ConnectorProvider {

  /** The host this provider serves. */
  Host host();

  /** Opens a ticket source for one connection. */
  TicketSource openSource(ConnectionSettings settings, Clock clock);

  /** Opens a feedback sink for one connection. */
  FeedbackSink openSink(ConnectionSettings settings, Clock clock);

  /**
   * Verifies a webhook call from the host (signature, freshness).
   *
   * @param headers request headers, names lower-cased
   * @return true only when the signature matches {@code secret} and the timestamp is fresh
   */
  default boolean verifyWebhook(
      Map<String, String> headers, byte[] body, String secret, Instant now) {
    return false;
  }

  /**
   * Verifies a host panel token (Zendesk signed-URL JWT, Forge invocation token) against the key
   * material configured on the connection ({@code options} such as {@code panel.publicKey} or
   * {@code panel.jwksUrl}).
   *
   * @return the proven host user, or empty when the token is invalid, expired or for someone else
   */
  default Optional<HostIdentity> verifyPanelToken(
      String token, ConnectionSettings settings, Instant now) {
    return Optional.empty();
  }
}
