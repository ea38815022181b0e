package io.qccompanion.model;

import java.util.List;

/**
 * Result of {@link TicketSource#check()}: one line per thing checked.
 *
 * @param timeZone the API user's time zone as the host reports it, or null
 * @param rateLimitRemaining requests left in the host's current window, or null if unknown
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
}
