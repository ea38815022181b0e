package io.qccompanion.connector.jira;

import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.simulators.SimOptions;
import io.qccompanion.simulators.jira.SimulatedJira;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Connection settings and a spec-validating provider whose retries do not wait. */
final class Fixtures {
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  final JiraConnectorProvider provider =
      new JiraConnectorProvider(sleeps::add, List.of(new SpecValidation()));

  static ConnectionSettings cloud(String baseUrl, Map<String, String> options) {
    return settings(
        baseUrl,
        new ConnectionSettings.Auth(
            ConnectionSettings.Auth.Kind.API_TOKEN, "qc-bot@example.com", "sim-api-token"),
        options);
  }

  static ConnectionSettings sim(SimulatedJira jira, Map<String, String> options) {
    SimOptions o = jira.options();
    Map<String, String> all = new HashMap<>(options);
    all.putIfAbsent("flavor", o.flavor());
    ConnectionSettings.Auth auth =
        "dc".equals(all.get("flavor"))
            ? new ConnectionSettings.Auth(ConnectionSettings.Auth.Kind.BEARER, null, o.pat())
            : new ConnectionSettings.Auth(
                ConnectionSettings.Auth.Kind.API_TOKEN, o.email(), o.apiToken());
    return settings(jira.baseUrl(), auth, all);
  }

  static ConnectionSettings settings(
      String baseUrl, ConnectionSettings.Auth auth, Map<String, String> options) {
    return ConnectionSettings.builder()
        .connectionId("conn-1")
        .name("acme")
        .host(JiraConnectorProvider.HOST)
        .baseUrl(baseUrl)
        .auth(auth)
        .startFrom(Instant.parse("2020-01-01T00:00:00Z"))
        .companionUrl("https://qc.example.com")
        .options(options)
        .build();
  }
}
