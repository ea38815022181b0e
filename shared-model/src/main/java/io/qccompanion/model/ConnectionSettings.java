package io.qccompanion.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a connector needs to talk to one host account. Built by the server from a stored,
 * decrypted connection; {@link #toString()} never prints the secret.
 *
 * @param baseUrl e.g. {@code https://acme.zendesk.com} or {@code https://acme.atlassian.net}
 * @param auth how to authenticate
 * @param closedStatuses host statuses that count as closed (Zendesk: solved, closed; Jira: the Done
 *     status category when empty)
 * @param startFrom where the first sync starts
 * @param companionUrl public base URL of the companion, for links in notes
 * @param options connector-specific settings (e.g. {@code flavor=cloud|jsm|dc}, {@code jql}, {@code
 *     projects}, {@code visibility.type}, {@code field.score}, {@code tags.graded} or {@code
 *     labels.graded}; each connector documents its keys)
 */
public record ConnectionSettings(
    String connectionId,
    String name,
    Host host,
    String baseUrl,
    Auth auth,
    List<String> closedStatuses,
    Instant startFrom,
    String companionUrl,
    Map<String, String> options) {

  /** Credentials: {@code API_TOKEN} (email + token, Basic), {@code BEARER} (OAuth or PAT). */
  public record Auth(Kind kind, String username, String secret) {
    public enum Kind {
      API_TOKEN,
      BEARER
    }

    @Override
    public String toString() {
      return "Auth[kind=" + kind + ", username=" + username + ", secret=***]";
    }
  }

  public ConnectionSettings {
    if (host == null) throw new IllegalArgumentException("host == null");
    if (baseUrl == null) throw new IllegalArgumentException("baseUrl == null");
    if (auth == null) throw new IllegalArgumentException("auth == null");
    closedStatuses = closedStatuses == null ? List.of() : List.copyOf(closedStatuses);
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  public String option(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }
}
