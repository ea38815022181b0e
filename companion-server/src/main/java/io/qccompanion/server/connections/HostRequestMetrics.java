package io.qccompanion.server.connections;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.qccompanion.model.RequestObserver;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-connection host request metrics: {@code qc_host_requests_total{connection,endpoint,status}}
 * and the latency histogram {@code qc_host_request_duration_seconds{connection,endpoint}}. {@code
 * connection} is the connection's name as it was when first seen.
 */
final class HostRequestMetrics implements RequestObserver {
  private final MeterRegistry registry;
  private final ConnectionStore connections;
  private final Map<String, String> names = new ConcurrentHashMap<>();

  public HostRequestMetrics(MeterRegistry registry, ConnectionStore connections) {
    this.registry = registry;
    this.connections = connections;
  }

  @Override
  public void observe(String connectionId, String endpoint, int status, Duration latency) {
    String connection = names.computeIfAbsent(connectionId, this::name);
    Counter.builder("qc.host.requests")
        .description("HTTP requests sent to hosts")
        .tags("connection", connection, "endpoint", endpoint, "status", Integer.toString(status))
        .register(registry)
        .increment();
    Timer.builder("qc.host.request.duration")
        .description("latency of HTTP requests sent to hosts")
        .tags("connection", connection, "endpoint", endpoint)
        .publishPercentileHistogram()
        .register(registry)
        .record(latency);
  }

  private String name(String connectionId) {
    try {
      return connections.get(connectionId).name();
    } catch (RuntimeException gone) {
      return connectionId;
    }
  }
}
