package io.qccompanion.server.testing;

import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorException;
import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.model.Csat;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.Host;
import io.qccompanion.model.HostIdentity;
import io.qccompanion.model.HostTeam;
import io.qccompanion.model.HostUser;
import io.qccompanion.model.Message;
import io.qccompanion.model.Page;
import io.qccompanion.model.PanelLogin;
import io.qccompanion.model.Ticket;
import io.qccompanion.model.TicketSource;
import io.qccompanion.model.WriteResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory connector for server tests: serves {@link #tickets} in pages of {@link #pageSize}
 * with the page offset as checkpoint, fails on demand, and records notes written.
 */
public final class FakeConnector implements ConnectorProvider {
  /** Host ids the fakes stand in for. */
  public static final Host ZENDESK = Host.of("zendesk");

  public static final Host JIRA = Host.of("jira");

  public final List<Ticket> tickets = new CopyOnWriteArrayList<>();
  public final List<HostUser> users = new CopyOnWriteArrayList<>();

  /** Messages of tickets not in a page, delivered with the first page as Page.conversations. */
  public final Map<String, List<Message>> conversations =
      new java.util.concurrent.ConcurrentHashMap<>();

  public final List<FeedbackNote> notes = new CopyOnWriteArrayList<>();
  public final Deque<ConnectorException> failures = new ConcurrentLinkedDeque<>();
  public final List<String> fetchedFrom = new CopyOnWriteArrayList<>();
  public volatile int pageSize = 2;

  /**
   * Runs at the start of every page fetch, with the checkpoint asked for (e.g. to steal a lease).
   */
  public volatile java.util.function.Consumer<String> beforeFetch = from -> {};

  public volatile String validPanelToken = "panel-ok";
  public volatile HostIdentity panelIdentity =
      HostIdentity.builder()
          .userId("zd-77")
          .email("qc@example.test")
          .ticketExternalId("1001")
          .build();
  private final Host host;

  public FakeConnector(Host host) {
    this.host = host;
  }

  @Override
  public Host host() {
    return host;
  }

  @Override
  public TicketSource openSource(ConnectionSettings settings, Clock clock) {
    return new TicketSource() {
      @Override
      public Page fetchClosedSince(Checkpoint from, int pageHint) throws ConnectorException {
        fetchedFrom.add(String.valueOf(from.value()));
        beforeFetch.accept(String.valueOf(from.value()));
        ConnectorException failure = failures.poll();
        if (failure != null) throw failure;
        int offset = from.isInitial() ? 0 : Integer.parseInt(from.value());
        int end = Math.min(tickets.size(), offset + pageSize);
        List<Ticket> page = new ArrayList<>(tickets.subList(offset, end));
        return Page.builder()
            .tickets(page)
            .users(users)
            .teams(List.of(HostTeam.builder().id("g1").name("Billing").build()))
            .next(new Checkpoint(String.valueOf(end)))
            .done(end >= tickets.size())
            .conversations(offset == 0 ? Map.copyOf(conversations) : Map.of())
            .build();
      }

      @Override
      public ConnectionCheck check() {
        return new ConnectionCheck(
            List.of(
                new ConnectionCheck.Item(
                    "credentials", true, "token accepted for " + settings.baseUrl())),
            "UTC",
            700);
      }
    };
  }

  @Override
  public FeedbackSink openSink(ConnectionSettings settings, Clock clock) {
    return new FeedbackSink() {
      @Override
      public WriteResult publish(FeedbackNote note) {
        notes.add(note);
        return new WriteResult(WriteResult.Outcome.WRITTEN, "c-" + notes.size(), null);
      }

      @Override
      public Optional<WriteResult> find(FeedbackNote note) {
        return notes.stream()
            .filter(n -> n.idempotencyKey().equals(note.idempotencyKey()))
            .findFirst()
            .map(n -> new WriteResult(WriteResult.Outcome.ALREADY_PRESENT, null, null));
      }
    };
  }

  @Override
  public boolean verifyWebhook(
      Map<String, String> headers, byte[] body, String secret, Instant now) {
    return ("sig:" + secret).equals(headers.get("x-test-signature"));
  }

  @Override
  public Optional<PanelLogin> panelLogin() {
    return Optional.of(
        (token, settings, now) ->
            validPanelToken.equals(token) ? Optional.of(panelIdentity) : Optional.empty());
  }

  /** A solved ticket for agent {@code assignee}, version {@code updatedAt}. */
  public static Ticket ticket(String externalId, String assignee, Instant updatedAt) {
    return Ticket.builder()
        .host(ZENDESK)
        .externalId(externalId)
        .key("#" + externalId)
        .subject("Refund for order " + externalId)
        .status("solved")
        .channel("email")
        .requesterId("req-1")
        .assigneeId(assignee)
        .assigneeAtSolveId(assignee)
        .replierIds(List.of(assignee))
        .teamId("g1")
        .tags(List.of("billing"))
        .priority("normal")
        .createdAt(updatedAt.minusSeconds(3600))
        .updatedAt(updatedAt)
        .solvedAt(updatedAt)
        .replyCount(2)
        .handleTimeSeconds(300L)
        .firstReplyMinutes(10L)
        .resolutionMinutes(60L)
        .csat(new Csat(Csat.Rating.GOOD, null, null))
        .url("https://acme.zendesk.com/agent/tickets/" + externalId)
        .build();
  }
}
