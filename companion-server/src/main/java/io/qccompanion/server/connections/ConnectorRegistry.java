package io.qccompanion.server.connections;

import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.Host;
import io.qccompanion.model.RequestObserver;
import io.qccompanion.model.TicketSource;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The connectors on the class path, found with {@link ServiceLoader}, opened per connection. The
 * providers keep one HTTP client per connection, shared by sync and write-back, until {@link
 * #release} (connection deleted) or {@link #releaseAll} (server stop).
 */
public final class ConnectorRegistry {
  private final Map<Host, ConnectorProvider> providers = new LinkedHashMap<>();
  private final ConnectionStore store;
  private final Clock clock;
  private volatile RequestObserver observer = RequestObserver.NONE;
  private final java.util.Set<String> opened = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
    provider.observe(observer);
    providers.put(provider.host(), provider);
  }

  /** Where every provider reports its host requests (per-connection metrics). */
  public void observeWith(RequestObserver observer) {
    this.observer = observer;
    providers.values().forEach(p -> p.observe(observer));
  }

  /** Closes the connection's HTTP client in whichever provider holds one (deleted connection). */
  public void release(String connectionId) {
    providers.values().forEach(p -> p.release(connectionId));
    opened.remove(connectionId);
  }

  /** Closes every connection's HTTP client (server stop). */
  public void releaseAll() {
    for (String id : List.copyOf(opened)) release(id);
    opened.clear();
  }

  public TicketSource openSource(String connectionId) {
    var settings = store.settings(connectionId);
    opened.add(connectionId);
    return require(settings.host()).openSource(settings, clock);
  }

  public FeedbackSink openSink(String connectionId) {
    var settings = store.settings(connectionId);
    opened.add(connectionId);
    return require(settings.host()).openSink(settings, clock);
  }

  private ConnectorProvider require(Host host) {
    ConnectorProvider p = providers.get(host);
    if (p == null) throw new IllegalStateException("no connector installed for " + host.id());
    return p;
  }
}
