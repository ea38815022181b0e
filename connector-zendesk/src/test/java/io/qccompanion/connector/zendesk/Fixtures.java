package io.qccompanion.connector.zendesk;

import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.Host;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Connection settings for tests. */
final class Fixtures {
  static final String EMAIL = "qc-service@acme.example.com";
  static final String TOKEN = "s3cr3t-token";
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  private Fixtures() {}

  static ConnectionSettings settings(String baseUrl, Map<String, String> options) {
    return new ConnectionSettings(
        "c-1",
        "acme",
        Host.ZENDESK,
        baseUrl,
        new ConnectionSettings.Auth(ConnectionSettings.Auth.Kind.API_TOKEN, EMAIL, TOKEN),
        List.of(),
        START,
        "https://qc.example.com",
        options);
  }

  static ConnectionSettings bearer(String baseUrl) {
    return new ConnectionSettings(
        "c-1",
        "acme",
        Host.ZENDESK,
        baseUrl,
        new ConnectionSettings.Auth(ConnectionSettings.Auth.Kind.BEARER, null, TOKEN),
        List.of(),
        START,
        "https://qc.example.com",
        Map.of());
  }
}
