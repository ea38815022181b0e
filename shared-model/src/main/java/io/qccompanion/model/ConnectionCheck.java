package io.qccompanion.model;

import java.util.List;

/**
 * Result of {@link TicketSource#check()}: one line per thing checked.
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
 *
 * @param timeZone the API user's time zone as the host reports it, or null
 * @param rateLimitRemaining requests left in the host's current window, or null if unknown
 * @since 0.1
 */
public record ConnectionCheck(List<Item> items, String timeZone, Integer rateLimitRemaining) {
  /** One check, e.g. "credentials", "read tickets", "add internal notes", "incremental export". */
  public record Item(String name, boolean ok, String detail) {}

  public ConnectionCheck {
    items = List.copyOf(items);
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
