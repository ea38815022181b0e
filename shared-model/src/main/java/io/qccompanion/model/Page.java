package io.qccompanion.model;

import java.util.List;

/**
 * One page of closed tickets.
 *
 * @param tickets tickets that count as closed under the connection's rule (possibly empty)
 * @param users the agents the tickets reference (assignees, repliers), side-loaded where the host
 *     offers it; may be empty
 * @param teams the groups/projects the tickets reference; may be empty
 * @param next checkpoint to commit together with {@code tickets}; resuming from it never repeats or
 *     skips a ticket
 * @param done true when the host had nothing more at the time of the call (end of stream); the
 *     server then waits for the next scheduled run
 */
public record Page(
    List<Ticket> tickets,
    List<HostUser> users,
    List<HostTeam> teams,
    Checkpoint next,
    boolean done) {
  public Page {
    if (next == null) throw new IllegalArgumentException("next == null");
    tickets = List.copyOf(tickets);
    users = users == null ? List.of() : List.copyOf(users);
    teams = teams == null ? List.of() : List.copyOf(teams);
  }
}
