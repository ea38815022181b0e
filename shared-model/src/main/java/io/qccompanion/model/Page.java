package io.qccompanion.model;

import java.util.List;

/**
 * One page of closed tickets.
 *
 * <p>Build with {@link #builder()} and copy with {@link #newBuilder()} rather than the canonical
 * constructor: components added in later versions come with a documented default, so connectors
 * built against an older version keep compiling and behave as before.
 *
 * @param tickets tickets that count as closed under the connection's rule (possibly empty)
 * @param users the agents the tickets reference (assignees, repliers), side-loaded where the host
 *     offers it; may be empty
 * @param teams the groups/projects the tickets reference; may be empty
 * @param next checkpoint to commit together with {@code tickets}; resuming from it never repeats or
 *     skips a ticket
 * @param done true when the host had nothing more at the time of the call (end of stream); the
 *     server then waits for the next scheduled run
 * @since 0.1
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
    b.tickets = tickets;
    b.users = users;
    b.teams = teams;
    b.next = next;
    b.done = done;
    return b;
  }

  /**
   * Builds {@link Page}; a field never set keeps its default (null, empty, zero or false unless the
   * component's documentation says otherwise).
   *
   * @since 0.2
   */
  public static final class Builder {
    private List<Ticket> tickets;
    private List<HostUser> users;
    private List<HostTeam> teams;
    private Checkpoint next = Checkpoint.INITIAL;
    private boolean done;

    private Builder() {}

    public Builder tickets(List<Ticket> tickets) {
      this.tickets = tickets;
      return this;
    }

    public Builder users(List<HostUser> users) {
      this.users = users;
      return this;
    }

    public Builder teams(List<HostTeam> teams) {
      this.teams = teams;
      return this;
    }

    public Builder next(Checkpoint next) {
      this.next = next;
      return this;
    }

    public Builder done(boolean done) {
      this.done = done;
      return this;
    }

    public Page build() {
      return new Page(tickets, users, teams, next, done);
    }
  }
}
