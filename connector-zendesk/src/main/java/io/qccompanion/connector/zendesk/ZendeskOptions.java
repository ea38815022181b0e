package io.qccompanion.connector.zendesk;

import io.qccompanion.model.ConnectionSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Connection options this connector reads from {@link ConnectionSettings#options()}, with defaults.
 * Every key is listed in docs/zendesk.md.
 */
record ZendeskOptions(
    String connectionName,
    String host,
    List<String> closedStatuses,
    int exportPerPage,
    int exportRequestsPerMinute,
    String handleTimeField,
    String scoreField,
    String statusField,
    String gradedTag,
    String failTag,
    Duration connectTimeout,
    Duration readTimeout,
    boolean conversations,
    Duration conversationLookback) {

  static final List<String> DEFAULT_CLOSED = List.of("solved", "closed");

  static ZendeskOptions of(ConnectionSettings settings) {
    String name = settings.name() != null ? settings.name() : settings.connectionId();
    List<String> closed =
        settings.closedStatuses().isEmpty() ? DEFAULT_CLOSED : settings.closedStatuses();
    return new ZendeskOptions(
        name,
        URI.create(settings.baseUrl()).getAuthority(),
        closed,
        intOption(settings, "export.perPage", 1000),
        intOption(settings, "export.requestsPerMinute", 10),
        blankToNull(settings.option("field.handleTime", null)),
        blankToNull(settings.option("field.score", null)),
        blankToNull(settings.option("field.status", null)),
        settings.option("tags.graded", "qc_graded"),
        settings.option("tags.fail", "qc_fail"),
        Duration.ofMillis(intOption(settings, "http.connectTimeoutMillis", 10_000)),
        Duration.ofMillis(intOption(settings, "http.readTimeoutMillis", 60_000)),
        !"false".equalsIgnoreCase(settings.option("conversations", "true").trim()),
        Duration.ofDays(intOption(settings, "conversations.lookbackDays", 30)));
  }

  private static int intOption(ConnectionSettings settings, String key, int fallback) {
    String value = settings.option(key, null);
    if (value == null || value.isBlank()) return fallback;
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "option " + key + " must be a whole number, was '" + value + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
