package io.qccompanion.model;

import java.time.Duration;

/**
 * Told about every HTTP request a connector sends to its host, for per-connection request metrics
 * ({@code qc_host_requests_total}, latency histogram). Called on the connector's threads; must be
 * fast and never throw.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface RequestObserver {
  /** Observes nothing. */
  RequestObserver NONE = (connectionId, endpoint, status, latency) -> {};

  /**
   * @param endpoint method and path with ids replaced, e.g. {@code GET
   *     /api/v2/tickets/{id}/comments}; never a query string or a secret
   * @param status the HTTP status, 0 when no answer came (timeout, I/O error)
   */
  void observe(String connectionId, String endpoint, int status, Duration latency);
}
