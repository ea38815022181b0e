package io.qccompanion.server.reliability;

import io.qccompanion.server.outbox.Outbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what the companion stored and what the hosts received, and counts the ways they could
 * disagree: tickets lost or stored twice, pages whose checkpoint moved without their tickets,
 * recent tickets left without a sampling decision, notes missing or written twice, outbox rows not
 * done.
 */
final class Ledger {
  private final HostWorld world;

  Ledger(HostWorld world) {
    this.world = world;
  }

  /** Tickets of a connection the host has and the companion lacks (or has too many of). */
  record TicketCount(long expected, long stored, long distinct, long counted) {
    long lost() {
      return Math.max(0, expected - distinct);
    }

    long duplicated() {
      return (stored - distinct) + Math.max(0, distinct - expected);
    }

    /** Tickets counted by committed pages minus tickets stored: > 0 a page was applied twice. */
    long pagesOff() {
      return counted - stored;
    }
  }

  TicketCount tickets(String connectionId, long expected) {
    return world.db.read(
        h -> {
          Map<String, Object> row =
              h.createQuery(
                      """
                      SELECT count(*) AS stored, count(DISTINCT external_id) AS distinct_ids,
                        (SELECT tickets_total FROM sync_state WHERE connection_id = :c) AS counted
                      FROM tickets WHERE connection_id = :c""")
                  .bind("c", connectionId)
                  .mapToMap()
                  .one();
          return new TicketCount(
              expected,
              ((Number) row.get("stored")).longValue(),
              ((Number) row.get("distinct_ids")).longValue(),
              ((Number) row.get("counted")).longValue());
        });
  }

  /** Attributed tickets solved since {@code sinceMillis} that have no sampling decision. */
  long unsampled(long sinceMillis) {
    return world.db.read(
        h ->
            h.createQuery(
                    """
                    SELECT count(*) FROM tickets t WHERE t.solved_at >= ? AND t.agent_id IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM sample_decisions s WHERE s.ticket_id = t.id)""")
                .bind(0, sinceMillis)
                .mapTo(Long.class)
                .one());
  }

  long decisions() {
    return world.db.read(
        h -> h.createQuery("SELECT count(*) FROM sample_decisions").mapTo(Long.class).one());
  }

  /** Outbox rows by status. */
  Map<String, Long> outbox() {
    Map<String, Long> byStatus = new java.util.TreeMap<>();
    world.db.read(
        h ->
            h.createQuery("SELECT status, count(*) AS n FROM outbox GROUP BY status")
                .map((rs, ctx) -> byStatus.put(rs.getString("status"), rs.getLong("n")))
                .list());
    return byStatus;
  }

  /** One evaluation revision to write back and what the host shows for it. */
  record Revision(
      String evaluationId, int revision, String host, String ticket, String outcome, int notes) {}

  /**
   * What the hosts show for the queued revisions: how many, how many fell back (the ticket closed
   * on the host), without their note, and with more than one.
   */
  record WriteBacks(int revisions, long fellBack, long missing, long doubled) {}

  WriteBacks writeBacks() {
    List<Revision> revisions = revisions();
    return new WriteBacks(
        revisions.size(),
        revisions.stream().filter(r -> "FELL_BACK".equals(r.outcome())).count(),
        revisions.stream().filter(r -> r.notes() == 0 && !"FELL_BACK".equals(r.outcome())).count(),
        revisions.stream().filter(r -> r.notes() > 1).count());
  }

  /** Every queued revision with the number of notes carrying its key on the host. */
  List<Revision> revisions() {
    List<Revision> out = new ArrayList<>();
    world.db.read(
        h ->
            h.createQuery(
                    """
                    SELECT o.evaluation_id, o.revision, o.outcome, t.host, t.external_id, t.ticket_key
                    FROM outbox o JOIN evaluations e ON e.id = o.evaluation_id
                    JOIN tickets t ON t.id = e.ticket_id ORDER BY o.evaluation_id, o.revision""")
                .map(
                    (rs, ctx) -> {
                      String key =
                          Outbox.idempotencyKey(
                              rs.getString("evaluation_id"), rs.getInt("revision"));
                      String host = rs.getString("host");
                      String ticket =
                          host.equals("zendesk")
                              ? rs.getString("external_id")
                              : rs.getString("ticket_key");
                      return out.add(
                          new Revision(
                              rs.getString("evaluation_id"),
                              rs.getInt("revision"),
                              host,
                              ticket,
                              rs.getString("outcome"),
                              notes(host, ticket, key)));
                    })
                .list());
    return out;
  }

  private int notes(String host, String ticket, String key) {
    if (host.equals("zendesk"))
      return (int)
          world.zendesk.commentsOf(Long.parseLong(ticket)).stream()
              .filter(c -> contains(c.htmlBody(), key) || contains(c.body(), key))
              .count();
    return (int) world.jira.commentsOf(ticket).stream().filter(c -> contains(c, key)).count();
  }

  private static boolean contains(String text, String key) {
    return text != null && text.contains(key); // revisions stay below 10: r1 is no prefix of r2
  }
}
