package io.qccompanion.server.thirdhost;

import io.qccompanion.model.Checkpoint;
import io.qccompanion.model.ConnectionCheck;
import io.qccompanion.model.ConnectionOption;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.ConnectorProvider;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.model.FeedbackSink;
import io.qccompanion.model.Host;
import io.qccompanion.model.HostUser;
import io.qccompanion.model.Page;
import io.qccompanion.model.Ticket;
import io.qccompanion.model.TicketSource;
import io.qccompanion.model.WriteResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A third host written against the SPI only, as a plugin author would: found by {@link
 * java.util.ServiceLoader} through {@code META-INF/services} in the test resources, never
 * registered by hand. Its "host" is the in-memory {@link #DESK}.
 */
public final class MiniDeskConnector implements ConnectorProvider {
  static final Host HOST = Host.of("minidesk");

  /** The simulated desk: tickets by external id, notes written back by ticket id. */
  static final Map<String, Ticket> DESK = new ConcurrentHashMap<>();

  static final Map<String, List<FeedbackNote>> NOTES = new ConcurrentHashMap<>();

  @Override
  public Host host() {
    return HOST;
  }

  @Override
  public String displayName() {
    return "MiniDesk";
  }

  @Override
  public List<ConnectionOption> connectionOptions() {
    return List.of(
        ConnectionOption.builder("queue")
            .required(true)
            .help("The MiniDesk queue to read closed tickets from.")
            .build(),
        ConnectionOption.builder("signing.key")
            .type(ConnectionOption.Type.TEXT)
            .secret(true)
            .help("Key MiniDesk signs webhooks with.")
            .build());
  }

  @Override
  public TicketSource openSource(ConnectionSettings settings, Clock clock) {
    return new TicketSource() {
      @Override
      public Page fetchClosedSince(Checkpoint from, int pageHint) {
        Instant after = from.isInitial() ? Instant.EPOCH : Instant.parse(from.value());
        List<Ticket> changed =
            DESK.values().stream()
                .filter(t -> t.updatedAt().isAfter(after))
                .sorted(java.util.Comparator.comparing(Ticket::updatedAt))
                .map(t -> t.newBuilder().connectionId(settings.connectionId()).build())
                .toList();
        Instant next = changed.isEmpty() ? after : changed.get(changed.size() - 1).updatedAt();
        List<HostUser> agents =
            changed.stream()
                .map(Ticket::assigneeId)
                .distinct()
                .map(id -> HostUser.builder().id(id).name("Agent " + id).role("agent").build())
                .toList();
        return Page.builder()
            .tickets(changed)
            .users(agents)
            .next(new Checkpoint(next.toString()))
            .done(true)
            .build();
      }

      @Override
      public ConnectionCheck check() {
        return ConnectionCheck.builder()
            .items(List.of(new ConnectionCheck.Item("queue readable", true, "ok")))
            .build();
      }
    };
  }

  @Override
  public FeedbackSink openSink(ConnectionSettings settings, Clock clock) {
    return new FeedbackSink() {
      @Override
      public WriteResult publish(FeedbackNote note) {
        Optional<WriteResult> present = find(note);
        if (present.isPresent()) return present.get();
        NOTES.computeIfAbsent(note.ticketExternalId(), k -> new CopyOnWriteArrayList<>()).add(note);
        return WriteResult.builder()
            .outcome(WriteResult.Outcome.WRITTEN)
            .hostReference("note-" + note.idempotencyKey())
            .build();
      }

      @Override
      public Optional<WriteResult> find(FeedbackNote note) {
        return NOTES.getOrDefault(note.ticketExternalId(), List.of()).stream()
            .filter(n -> n.idempotencyKey().equals(note.idempotencyKey()))
            .findFirst()
            .map(n -> WriteResult.builder().outcome(WriteResult.Outcome.ALREADY_PRESENT).build());
      }
    };
  }
}
