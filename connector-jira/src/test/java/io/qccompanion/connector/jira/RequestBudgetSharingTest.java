package io.qccompanion.connector.jira;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.connector.http.ManualTime;
import io.qccompanion.connector.http.RequestBudget;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.simulators.jira.SimulatedJira;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sync and write-back of one connection spend one request budget (option http.requestsPerMinute).
 */
class RequestBudgetSharingTest {
  private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  private final ManualTime time = new ManualTime(NOW);
  private final JiraConnectorProvider provider =
      new JiraConnectorProvider(time, List.of(new SpecValidation()));

  private static SimulatedJira start() {
    return SimulatedJira.start(
        SimulatedJira.defaults()
            .flavor("cloud")
            .issueCount(30)
            .now(NOW)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build());
  }

  @Test
  void writeBackWaitsWhenTheSyncSpentTheHour() throws Exception {
    try (SimulatedJira jira = start()) {
      ConnectionSettings settings = Fixtures.sim(jira, Map.of(RequestBudget.PER_HOUR, "4"));
      String key = jira.doneKeys("SUP").get(0);
      try (JiraSource source = provider.openSource(settings, time);
          JiraSink sink = provider.openSink(settings, time)) {
        source.check(); // myself, mypermissions, search: 3 requests
        assertThat(time.sleeps()).isEmpty();

        sink.publish(WriteBackTest.note(key, 1, false)); // comment, then the labels edit

        assertThat(time.sleeps()).containsExactly(Duration.ofHours(1));
        assertThat(jira.internalCommentsOf(key)).hasSize(1);
      } finally {
        provider.release(settings.connectionId());
      }
    }
  }

  @Test
  void theBudgetIsDeclaredToAdmins() {
    assertThat(provider.connectionOptions())
        .extracting(o -> o.name())
        .contains(RequestBudget.PER_MINUTE, RequestBudget.PER_HOUR);
  }
}
