package io.qccompanion.server.connections;

import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.Host;
import io.qccompanion.model.TicketSource;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The connectors on the class path, found with {@link ServiceLoader}, opened per connection. */
public final class ConnectorRegistry {
  private final Map<Host, ConnectorProvider> providers = new LinkedHashMap<>();
  private final ConnectionStore store;
  private final Clock clock;

  public ConnectorRegistry(ConnectionStore store, Clock clock) {
    this(store, clock, ServiceLoader.load(ConnectorProvider.class));
  }

  public ConnectorRegistry(ConnectionStore store, Clock clock, Iterable<ConnectorProvider> found) {
    this.store = store;
    this.clock = clock;
    for (ConnectorProvider p : found) providers.put(p.host(), p);
  }

  /** The provider for {@code host}, if its module is installed. */
  public Optional<ConnectorProvider> provider(Host host) {
    return Optional.ofNullable(providers.get(host));
  }

  /** Every installed provider, by host id. */
  public List<ConnectorProvider> providers() {
    return providers.values().stream().sorted(Comparator.comparing(p -> p.host().id())).toList();
  }

  /** Registers a provider explicitly (tests use fakes). */
  public void register(ConnectorProvider provider) {
    providers.put(provider.host(), provider);
  }

  public TicketSource openSource(String connectionId) {
    var settings = store.settings(connectionId);
    return require(settings.host()).openSource(settings, clock);
  }

  public FeedbackSink openSink(String connectionId) {
    var settings = store.settings(connectionId);
    return require(settings.host()).openSink(settings, clock);
  }

  private ConnectorProvider require(Host host) {
    ConnectorProvider p = providers.get(host);
    if (p == null) throw new IllegalStateException("no connector installed for " + host.id());
    return p;
  }
}
