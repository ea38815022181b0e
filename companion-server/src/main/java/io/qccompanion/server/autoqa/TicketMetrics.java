package io.qccompanion.server.autoqa;

import java.time.Duration;

/**
 * What the host reports about a ticket besides its messages.
 *
 * @param reopens times the ticket was reopened
 * @param handleTime agent handle time, or null when the host does not report it
 * @param firstReply time to first reply as the host computes it, or null (AutoQA then measures it
 *     from the messages)
 */
record TicketMetrics(int reopens, Duration handleTime, Duration firstReply) {
  public static final TicketMetrics NONE = new TicketMetrics(0, null, null);

  public TicketMetrics {
    if (reopens < 0) throw new IllegalArgumentException("reopens < 0");
  }
}
