package io.qccompanion.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.connector.http.ManualTime;
import io.qccompanion.connector.http.RequestBudget;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.TicketSource;
import io.qccompanion.simulators.zendesk.SimulatedZendesk;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sync and write-back of one connection spend one request budget (option http.requestsPerMinute).
 */
class RequestBudgetSharingTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  private final SimulatedZendesk zendesk =
      SimulatedZendesk.start(SimulatedZendesk.defaults().ticketCount(20).now(NOW).build());
  private final ManualTime time = new ManualTime(NOW.plusSeconds(3600));
  private final ZendeskConnectorProvider provider =
      new ZendeskConnectorProvider(time, List.of(new SpecValidation()));

  @AfterEach
  void stop() {
    provider.release("c-budget");
    zendesk.close();
  }

  private ConnectionSettings settings(String perMinute) {
    return zendesk.connectionSettings("c-budget", Map.of(RequestBudget.PER_MINUTE, perMinute));
  }

  @Test
  void writeBackWaitsWhenTheSyncSpentTheMinute() throws Exception {
    ConnectionSettings settings = settings("3");
    String ticket = Long.toString(zendesk.closedTicketIds().get(0));
    try (TicketSource source = provider.openSource(settings, time);
        FeedbackSink sink = provider.openSink(settings, time)) {
      ConnectionCheck check = source.check(); // users/me, tickets, export: 3 requests
      assertThat(check.items().subList(0, 3)).allMatch(ConnectionCheck.Item::ok);
      assertThat(time.sleeps()).isEmpty();

      sink.publish(FeedbackNotes.failing(ticket, "budget-1"));

      assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(1));
    }
  }

  @Test
  void withoutABudgetNothingWaits() throws Exception {
    ConnectionSettings settings = settings("0");
    String ticket = Long.toString(zendesk.closedTicketIds().get(0));
    try (TicketSource source = provider.openSource(settings, time);
        FeedbackSink sink = provider.openSink(settings, time)) {
      source.check();
      sink.publish(FeedbackNotes.failing(ticket, "budget-2"));
      assertThat(time.sleeps()).isEmpty();
    }
  }

  @Test
  void theBudgetIsDeclaredToAdmins() {
    assertThat(provider.connectionOptions())
        .extracting(o -> o.name())
        .contains(RequestBudget.PER_MINUTE, RequestBudget.PER_HOUR);
  }
}
