package io.qccompanion.connector.zendesk;

import io.qccompanion.model.ConnectionSettings;
import java.time.Instant;
import java.util.Map;

/** Connection settings for tests. */
final class Fixtures {
  static final String EMAIL = "qc-service@acme.example.com";
  static final String TOKEN = "s3cr3t-token";
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

  private Fixtures() {}

  static ConnectionSettings settings(String baseUrl, Map<String, String> options) {
    return ConnectionSettings.builder()
        .connectionId("c-1")
        .name("acme")
        .host(ZendeskConnectorProvider.HOST)
        .baseUrl(baseUrl)
        .auth(new ConnectionSettings.Auth(ConnectionSettings.Auth.Kind.API_TOKEN, EMAIL, TOKEN))
        .startFrom(START)
        .companionUrl("https://qc.example.com")
        .options(options)
        .build();
  }

  static ConnectionSettings bearer(String baseUrl) {
    return ConnectionSettings.builder()
        .connectionId("c-1")
        .name("acme")
        .host(ZendeskConnectorProvider.HOST)
        .baseUrl(baseUrl)
        .auth(new ConnectionSettings.Auth(ConnectionSettings.Auth.Kind.BEARER, null, TOKEN))
        .startFrom(START)
        .companionUrl("https://qc.example.com")
        .build();
  }
}
