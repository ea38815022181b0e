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
}
