package io.qccompanion.connector.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.model.ConnectorProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ZendeskConnectorProviderTest {

  @Test
  void isFoundByServiceLoaderForTheZendeskHost() {
    assertThat(
            ServiceLoader.load(ConnectorProvider.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(
            p -> {
              assertThat(p).isInstanceOf(ZendeskConnectorProvider.class);
              assertThat(p.host()).isEqualTo(ZendeskConnectorProvider.HOST);
            });
  }

  @Test
  void opensSourcesAndSinksThatCountTheirRequests() {
    var settings = Fixtures.settings("https://acme.zendesk.com", java.util.Map.of());
    var provider = new ZendeskConnectorProvider();

    try (var source = provider.openSource(settings, java.time.Clock.systemUTC());
        var sink = provider.openSink(settings, java.time.Clock.systemUTC())) {
      assertThat(((ZendeskTicketSource) source).requestCount()).isZero();
      assertThat(((ZendeskFeedbackSink) sink).requestCount()).isZero();
    }
  }

  @Test
  void sourcesAndSinksOfAConnectionShareOneClientUntilItIsReleased() throws Exception {
    try (var zendesk =
        io.qccompanion.simulators.zendesk.SimulatedZendesk.start(
            io.qccompanion.simulators.zendesk.SimulatedZendesk.defaults().ticketCount(5).build())) {
      var settings = zendesk.connectionSettings("c-shared", java.util.Map.of());
      var provider = new ZendeskConnectorProvider();
      java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
      provider.observe(
          (connection, endpoint, status, latency) ->
              seen.add(connection + " " + endpoint + " " + status));

      try (var source = provider.openSource(settings, java.time.Clock.systemUTC())) {
        source.check();
      }
      var sink = (ZendeskFeedbackSink) provider.openSink(settings, java.time.Clock.systemUTC());
      long afterCheck = sink.requestCount();
      assertThat(afterCheck).as("the sink sees the source's requests: one client").isPositive();
      assertThat(seen).contains("c-shared GET /api/v2/users/me 200");
      assertThat(seen).allMatch(s -> !s.contains("?") && !s.matches(".*/\\d+.*"));

      provider.release("c-shared");
      var fresh = (ZendeskFeedbackSink) provider.openSink(settings, java.time.Clock.systemUTC());
      assertThat(fresh.requestCount()).isZero();
    }
  }
}
