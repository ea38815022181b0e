package io.qccompanion.model;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Entry point of a connector module, found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.qccompanion.model.ConnectorProvider}). Stateless and thread-safe; the
 * sources and sinks it opens are not. Everything the server knows about a host comes from here, so
 * a new host is a new module; methods added later have default bodies.
 *
 * @since 0.1
 */
public interface ConnectorProvider {

  /** The host this provider serves; unique among installed providers. */
  Host host();

  /**
   * The host's name as people read it, e.g. "Zendesk Support".
   *
   * @since 0.2
   */
  default String displayName() {
    return host().id();
  }

  /**
   * The options this connector reads from {@link ConnectionSettings#options()}, in the order an
   * admin form shows them. Empty by default.
   *
   * @since 0.2
   */
  default List<ConnectionOption> connectionOptions() {
    return List.of();
  }

  /**
   * Host statuses that count as closed when a connection does not configure any (Zendesk: solved,
   * closed). Empty (the default) means the connector decides, e.g. Jira's Done category.
   *
   * @since 0.2
   */
  default List<String> defaultClosedStatuses() {
    return List.of();
  }

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
   * How the host's in-tool panel logs in, or empty (the default) when the host has no panel.
   *
   * @since 0.2 (replaces {@code verifyPanelToken})
   */
  default Optional<PanelLogin> panelLogin() {
    return Optional.empty();
  }
}
