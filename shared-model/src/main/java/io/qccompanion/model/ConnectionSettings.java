package io.qccompanion.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a connector needs to talk to one host account. Built by the server from a stored,
 * decrypted connection; {@link #toString()} never prints the secret.
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
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
 * @since 0.1
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

  /**
   * A builder with every field at its documented default.
   *
   * @since 0.2
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this value's fields, to copy with a change.
   *
   * @since 0.2
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.connectionId = connectionId;
    b.name = name;
    b.host = host;
    b.baseUrl = baseUrl;
    b.auth = auth;
    b.closedStatuses = closedStatuses;
    b.startFrom = startFrom;
    b.companionUrl = companionUrl;
    b.options = options;
    return b;
  }

  /**
   * Builds {@link ConnectionSettings}; a field never set keeps its default (null, empty, zero or
   * false unless the component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private String connectionId;
    private String name;
    private Host host;
    private String baseUrl;
    private Auth auth;
    private List<String> closedStatuses;
    private Instant startFrom;
    private String companionUrl;
    private Map<String, String> options;

    private Builder() {}

    public Builder connectionId(String connectionId) {
      this.connectionId = connectionId;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder host(Host host) {
      this.host = host;
      return this;
    }

    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    public Builder auth(Auth auth) {
      this.auth = auth;
      return this;
    }

    public Builder closedStatuses(List<String> closedStatuses) {
      this.closedStatuses = closedStatuses;
      return this;
    }

    public Builder startFrom(Instant startFrom) {
      this.startFrom = startFrom;
      return this;
    }

    public Builder companionUrl(String companionUrl) {
      this.companionUrl = companionUrl;
      return this;
    }

    public Builder options(Map<String, String> options) {
      this.options = options;
      return this;
    }

    public ConnectionSettings build() {
      return new ConnectionSettings(
          connectionId,
          name,
          host,
          baseUrl,
          auth,
          closedStatuses,
          startFrom,
          companionUrl,
          options);
    }
  }
}
