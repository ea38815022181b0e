package io.qccompanion.server.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.config.SecurityOptions;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.TestApp;
import io.qccompanion.server.testing.TestApp.MutableClock;
import io.qccompanion.simulators.zendesk.SimulatedZendesk;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sync from the simulated Zendesk through the real connector shows up on {@code /metrics} as
 * {@code qc_host_requests_total} and {@code qc_host_request_duration_seconds}, per connection,
 * endpoint and status, behind the metrics token.
 */
class HostRequestMetricsTest {
  private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
  private static final String TOKEN = "metrics-token-for-the-test";
  private static final String EXPORT = "GET /api/v2/incremental/tickets/cursor";

  private SimulatedZendesk zendesk;
  private TestApp app;

  @BeforeEach
  void start() {
    zendesk =
        SimulatedZendesk.start(
            SimulatedZendesk.defaults().ticketCount(40).weeks(2).now(NOW).build());
    app =
        TestApp.start(
            new MutableClock(NOW), null, b -> b.security(new SecurityOptions(TOKEN, List.of())));
  }

  @AfterEach
  void stop() {
    app.close();
    zendesk.close();
  }

  @Test
  void aSyncIsCountedAndTimedPerConnectionEndpointAndStatus() {
    Api admin = app.as(Role.ADMIN);
    var created = admin.post("/api/v1/connections", connection("acme-sim"));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String id = created.json().at("/connection/id").asText();

    var sync = admin.post("/api/v1/connections/" + id + "/sync", Map.of());
    assertThat(sync.json().at("/result/outcome").asText()).as(sync.text()).isEqualTo("DONE");
    long hostRequests = zendesk.requestCount();

    String metrics = scrape(TOKEN);

    String labels = "connection=\"acme-sim\",endpoint=\"" + EXPORT + "\",status=\"200\"";
    double exports = value(metrics, "qc_host_requests_total{" + labels + "}");
    assertThat(exports).isGreaterThanOrEqualTo(1);
    double total = sum(metrics, "qc_host_requests_total\\{connection=\"acme-sim\",[^}]*\\}");
    assertThat(total).as("every request the simulator answered").isEqualTo(hostRequests);
    String timed = "connection=\"acme-sim\",endpoint=\"" + EXPORT + "\"";
    assertThat(value(metrics, "qc_host_request_duration_seconds_count{" + timed + "}"))
        .isEqualTo(exports);
    assertThat(value(metrics, "qc_host_request_duration_seconds_sum{" + timed + "}")).isPositive();
    assertThat(metrics)
        .contains("qc_host_request_duration_seconds_bucket{" + timed + ",le=")
        .doesNotContain(zendesk.options().apiToken());
  }

  @Test
  void metricsNeedTheToken() {
    assertThat(app.anonymous().get("/metrics").status()).isEqualTo(401);
    assertThat(
            app.anonymous()
                .send("GET", "/metrics", null, Map.of("Authorization", "Bearer wrong"))
                .status())
        .isEqualTo(401);
  }

  private String scrape(String token) {
    var answer =
        app.anonymous().send("GET", "/metrics", null, Map.of("Authorization", "Bearer " + token));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.text();
  }

  private Map<String, Object> connection(String name) {
    var body = new HashMap<String, Object>();
    body.put("name", name);
    body.put("host", "zendesk");
    body.put("baseUrl", zendesk.baseUrl());
    body.put("authKind", "API_TOKEN");
    body.put("username", zendesk.options().email());
    body.put("secret", zendesk.options().apiToken());
    body.put("webhookSecret", "hook-secret");
    body.put("startFrom", NOW.minus(Duration.ofDays(15)).toString());
    // Conversations off: the ticket export alone shows the metrics, and the test stays quick.
    body.put("options", Map.of("export.requestsPerMinute", "0", "conversations", "false"));
    return body;
  }

  private static double value(String metrics, String series) {
    for (String line : metrics.split("\n"))
      if (line.startsWith(series + " "))
        return Double.parseDouble(line.substring(series.length() + 1).trim());
    throw new AssertionError(series + " not on /metrics:\n" + metrics);
  }

  private static double sum(String metrics, String seriesPattern) {
    Matcher m = Pattern.compile("(?m)^" + seriesPattern + " (\\S+)$").matcher(metrics);
    double sum = 0;
    while (m.find()) sum += Double.parseDouble(m.group(1));
    return sum;
  }
}
