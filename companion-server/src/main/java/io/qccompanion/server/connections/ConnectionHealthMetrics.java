package io.qccompanion.server.connections;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.qccompanion.server.store.Database;
import java.util.List;

/**
 * Per-connection health gauges for alerting: {@code qc_connection_paused} (1 when paused, e.g.
 * revoked credentials) and {@code qc_connection_consecutive_failures}. Refreshed on each scrape.
 */
final class ConnectionHealthMetrics {
  private final Database db;
  private final MultiGauge paused;
  private final MultiGauge failures;

  public ConnectionHealthMetrics(Database db, MeterRegistry registry) {
    this.db = db;
    this.paused =
        MultiGauge.builder("qc_connection_paused")
            .description("1 when the connection is paused")
            .register(registry);
    this.failures =
        MultiGauge.builder("qc_connection_consecutive_failures")
            .description("failed syncs in a row")
            .register(registry);
  }

  private record Row(String name, String host, boolean paused, int failures) {}

  public void refresh() {
    List<Row> rows =
        db.read(
            h ->
                h.createQuery(
                        """
            SELECT c.name, c.host, c.status, s.consecutive_failures FROM connections c
            LEFT JOIN sync_state s ON s.connection_id = c.id""")
                    .map(
                        (rs, ctx) ->
                            new Row(
                                rs.getString(1),
                                rs.getString(2),
                                "PAUSED".equals(rs.getString(3)),
                                rs.getInt(4)))
                    .list());
    paused.register(
        rows.stream()
            .map(
                r ->
                    MultiGauge.Row.of(
                        Tags.of("connection", r.name(), "host", r.host()), r.paused() ? 1 : 0))
            .toList(),
        true);
    failures.register(
        rows.stream()
            .map(
                r ->
                    MultiGauge.Row.of(
                        Tags.of("connection", r.name(), "host", r.host()), r.failures()))
            .toList(),
        true);
  }
}
