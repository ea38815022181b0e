package io.qccompanion.model;

import java.util.List;

/**
 * Result of {@link TicketSource#check()}: one line per thing checked.
 *
 * @param timeZone the API user's time zone as the host reports it, or null
 * @param rateLimitRemaining requests left in the host's current window, or null if unknown
 * @since 0.1
 */
public record ConnectionCheck(List<Item> items, String timeZone, Integer rateLimitRemaining) {

  /**
   * What kind of problem a failed check found, so an admin knows where to look.
   *
   * @since 0.2
   */
  public enum Problem {
    /** The host rejected the credentials (401, revoked token, deactivated user). */
    CREDENTIALS,
    /** Signed in, but the API user lacks a permission or scope (403, missing permission). */
    PERMISSION,
    /** No answer: DNS, TLS, proxy, firewall or a wrong base URL. */
    NETWORK,
    /** The host asked us to slow down (429). */
    RATE_LIMIT,
    /** The host failed (5xx) or answered something unreadable. */
    HOST_ERROR,
    /** The request was refused as wrong (other 4xx): usually a connection option. */
    CONFIGURATION,
    /**
     * The base URL reaches the host's servers but names no account there (a mistyped subdomain or
     * site name, a renamed or closed account).
     *
     * @since 0.3
     */
    ACCOUNT_NOT_FOUND
  }

  /**
   * One check, e.g. "credentials", "read tickets", "add internal notes", "incremental export".
   *
   * @param problem what kind of failure, null when {@code ok} (since 0.2, default null)
   * @param action what the admin should do about it, null when {@code ok} (since 0.2, default null)
   */
  public record Item(String name, boolean ok, String detail, Problem problem, String action) {
    /** The 0.1 shape, without a problem kind or action. */
    public Item(String name, boolean ok, String detail) {
      this(name, ok, detail, null, null);
    }

    /**
     * A passed check.
     *
     * @since 0.2
     */
    public static Item passed(String name, String detail) {
      return new Item(name, true, detail, null, null);
    }

    /**
     * A failed check of a known kind, with the action to take.
     *
     * @since 0.2
     */
    public static Item failed(String name, Problem problem, String detail, String action) {
      return new Item(name, false, detail, problem, action);
    }

    /**
     * A failed check from the exception a host call threw, classified by its status: 401
     * credentials, 403 permission, no answer network, 429 rate limit, 5xx host error, other 4xx
     * configuration; each with a generic action.
     *
     * @since 0.2
     */
    public static Item failed(String name, ConnectorException e) {
      int status = e.status();
      Problem problem =
          status == 401 || (e.credentialsInvalid() && status != 403)
              ? Problem.CREDENTIALS
              : status == 403
                  ? Problem.PERMISSION
                  : status == 0
                      ? Problem.NETWORK
                      : status == 429
                          ? Problem.RATE_LIMIT
                          : status >= 500 || status == 200
                              ? Problem.HOST_ERROR
                              : Problem.CONFIGURATION;
      return failed(name, problem, e.getMessage(), action(problem, e));
    }

    private static String action(Problem problem, ConnectorException e) {
      return switch (problem) {
        case CREDENTIALS ->
            "Check the user name and token of the connection, and that the API user is active.";
        case PERMISSION ->
            "Sign-in works: grant the API user the missing permission on the host, then test again.";
        case NETWORK ->
            "Check the base URL and that this server can reach the host (DNS, proxy, firewall).";
        case RATE_LIMIT ->
            "Wait"
                + (e.retryAfter() == null ? "" : " " + e.retryAfter().toSeconds() + " s")
                + " and test again; if it persists another integration is using the budget.";
        case HOST_ERROR -> "The host is failing; test again later and check its status page.";
        case CONFIGURATION -> "Check the connection's options (filter, fields, project keys).";
        case ACCOUNT_NOT_FOUND ->
            "Check the account name in the base URL against the address you sign in at.";
      };
    }
  }

  public ConnectionCheck {
    items = items == null ? List.of() : List.copyOf(items);
  }

  public boolean ok() {
    return items.stream().allMatch(Item::ok);
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
    b.items = items;
    b.timeZone = timeZone;
    b.rateLimitRemaining = rateLimitRemaining;
    return b;
  }

  /**
   * Builds {@link ConnectionCheck}; a field never set keeps its default (null, empty, zero or false
   * unless the component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private List<Item> items;
    private String timeZone;
    private Integer rateLimitRemaining;

    private Builder() {}

    public Builder items(List<Item> items) {
      this.items = items;
      return this;
    }

    public Builder timeZone(String timeZone) {
      this.timeZone = timeZone;
      return this;
    }

    public Builder rateLimitRemaining(Integer rateLimitRemaining) {
      this.rateLimitRemaining = rateLimitRemaining;
      return this;
    }

    public ConnectionCheck build() {
      return new ConnectionCheck(items, timeZone, rateLimitRemaining);
    }
  }
}
