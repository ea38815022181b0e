package io.qccompanion.simulators.zendesk;

import io.qccompanion.simulators.SimOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

/**
 * The simulated account's tickets, indexed by id and by (updated_at, id) for the incremental
 * export. Every method is synchronized: the HTTP threads and the test thread share it.
 */
final class SimStore {
  static final long API_USER_ID = 360_000_000_100L;

  /** Position in the export order. */
  record Key(long updated, long id) implements Comparable<Key> {
    static final Comparator<Key> ORDER =
        Comparator.comparingLong(Key::updated).thenComparingLong(Key::id);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }

    String encode() {
      return java.util.Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((updated + "." + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Key decode(String cursor) {
      String text =
          new String(
              java.util.Base64.getUrlDecoder().decode(cursor),
              java.nio.charset.StandardCharsets.UTF_8);
      int dot = text.indexOf('.');
      return new Key(
          Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)));
    }
  }

  /** One export page: tickets after a position, the last position, and whether more follow. */
  record Slice(List<SimTicket> tickets, Key last, boolean endOfStream) {}

  final DataGenerator generator;
  private final SimOptions options;
  private final Map<Long, SimTicket> byId = new HashMap<>();
  private final TreeMap<Key, SimTicket> byUpdate = new TreeMap<>();
  private final Random random;
  private Instant lastChange;
  private long nextTicketId = 1;
  private long nextCommentId = 900_000_000_000L;

  SimStore(SimOptions options) {
    this.options = options;
    this.generator = new DataGenerator(options);
    this.random = new Random(options.seed() ^ 0x5DEECE66DL);
    this.lastChange = options.now();
    List<SimTicket> all = new ArrayList<>(options.ticketCount() + options.ticketCount() / 20 + 1);
    // ids follow creation time, known only after sorting: the generation order seeds each ticket
    for (int i = 0; i < options.ticketCount(); i++) all.add(generator.solvedTicket(i + 1, random));
    for (int i = 0; i < options.ticketCount() / 20; i++) all.add(generator.openTicket(0, random));
    all.sort(Comparator.comparing(t -> t.createdAt));
    for (SimTicket t : all) {
      t.id = nextTicketId++;
      // About one ticket in 200 was deleted after solving; the export still lists it.
      if (t.solvedAt != null && random.nextInt(200) == 0) t.status = "deleted";
      index(t);
    }
  }

  private void index(SimTicket t) {
    byId.put(t.id, t);
    byUpdate.put(new Key(t.updatedAt.getEpochSecond(), t.id), t);
  }

  synchronized Slice exportFrom(long startTime, int limit) {
    return slice(byUpdate.tailMap(new Key(startTime, Long.MIN_VALUE), true), limit);
  }

  synchronized Slice exportAfter(Key after, int limit) {
    return slice(byUpdate.tailMap(after, false), limit);
  }

  private Slice slice(NavigableMap<Key, SimTicket> tail, int limit) {
    List<SimTicket> page = new ArrayList<>(Math.min(limit, tail.size()));
    Key last = null;
    for (Map.Entry<Key, SimTicket> e : tail.entrySet()) {
      if (page.size() == limit) break;
      page.add(e.getValue());
      last = e.getKey();
    }
    boolean end = page.size() < limit || tail.lastKey().equals(last);
    return new Slice(page, last, end);
  }

  synchronized SimTicket ticket(long id) {
    return byId.get(id);
  }

  synchronized List<SimTicket> firstTickets(int limit) {
    List<SimTicket> out = new ArrayList<>();
    for (long id = 1; id < nextTicketId && out.size() < limit; id++) {
      SimTicket t = byId.get(id);
      if (t != null) out.add(t);
    }
    return out;
  }

  synchronized int size() {
    return byId.size();
  }

  synchronized List<Comment> comments(SimTicket t) {
    if (t.comments == null) t.comments = new ArrayList<>(generator.conversation(t, t.id * 1000));
    return List.copyOf(t.comments);
  }

  synchronized Comment addComment(SimTicket t, String body, String html, boolean publicComment) {
    comments(t);
    Comment comment =
        new Comment(nextCommentId++, API_USER_ID, publicComment, body, html, nextChange());
    t.comments.add(comment);
    if (commentEvents != null)
      commentEvents.put(eventKey(comment), new CommentEvent(t.id, comment));
    return comment;
  }

  /** A comment as the ticket event export reports it: one audit per comment. */
  record CommentEvent(long ticketId, Comment comment) {}

  /** Every comment of every ticket by (created second, comment id); built on first use. */
  private TreeMap<Key, CommentEvent> commentEvents;

  private static Key eventKey(Comment c) {
    return new Key(c.createdAt().getEpochSecond(), c.id());
  }

  /** Comment events created at or after {@code startTime}, oldest first, at most {@code limit}. */
  synchronized List<CommentEvent> commentEventsFrom(long startTime, int limit) {
    if (commentEvents == null) {
      commentEvents = new TreeMap<>();
      for (SimTicket t : byId.values())
        for (Comment c : comments(t)) commentEvents.put(eventKey(c), new CommentEvent(t.id, c));
    }
    List<CommentEvent> out = new ArrayList<>();
    for (CommentEvent e :
        commentEvents.tailMap(new Key(startTime, Long.MIN_VALUE), true).values()) {
      if (out.size() == limit) break;
      out.add(e);
    }
    return out;
  }

  /** Records that {@code t} changed now, moving it to the end of the export order. */
  synchronized void touch(SimTicket t) {
    byUpdate.remove(new Key(t.updatedAt.getEpochSecond(), t.id));
    t.updatedAt = nextChange();
    byUpdate.put(new Key(t.updatedAt.getEpochSecond(), t.id), t);
  }

  synchronized long addTicket() {
    SimTicket t = generator.openTicket(nextTicketId++, random);
    t.createdAt = nextChange();
    t.updatedAt = t.createdAt;
    index(t);
    return t.id;
  }

  synchronized void solve(long id) {
    SimTicket t = require(id);
    if (t.assigneeId == null) t.assigneeId = generator.agents.get(0).id();
    t.status = "solved";
    t.solvedAt = nextChange();
    if (t.replies == 0) t.replies = 1;
    t.fullResolutionMinutes =
        Math.max(1, java.time.Duration.between(t.createdAt, t.solvedAt).toMinutes());
    touch(t);
  }

  synchronized void setStatus(long id, String status) {
    SimTicket t = require(id);
    t.status = status;
    touch(t);
  }

  synchronized List<Long> closedTicketIds() {
    List<Long> ids = new ArrayList<>();
    for (SimTicket t : byId.values()) {
      if (t.status.equals("solved") || t.status.equals("closed")) ids.add(t.id);
    }
    ids.sort(Long::compare);
    return ids;
  }

  private SimTicket require(long id) {
    SimTicket t = byId.get(id);
    if (t == null) throw new IllegalArgumentException("no ticket " + id);
    return t;
  }

  /** Strictly increasing change times, never before the simulation's "now". */
  private Instant nextChange() {
    lastChange = lastChange.plusSeconds(1);
    return lastChange;
  }
}
