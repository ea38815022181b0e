package io.qccompanion.server.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.model.Message;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * Stores ticket conversations, bounded per ticket: at most {@link Limits#maxMessages()} messages
 * (the rest are counted as omitted) and {@link Limits#maxChars()} characters of text each (longer
 * texts are cut and marked truncated). HTML is sanitised to a basic safelist before it is stored.
 * Re-storing a message (same host id) changes nothing.
 */
public final class Conversations {
  /**
   * Bounds per ticket.
   *
   * @param orphanDays days a message waits for its ticket to be stored before it is purged
   */
  public record Limits(int maxMessages, int maxChars, int orphanDays) {
    public static final Limits DEFAULT = new Limits(200, 20_000, 30);

    /** {@code conversation.maxMessages} and {@code conversation.maxChars} from a connection. */
    public static Limits of(Map<String, String> options) {
      return new Limits(
          number(options, "conversation.maxMessages", DEFAULT.maxMessages()),
          number(options, "conversation.maxChars", DEFAULT.maxChars()),
          DEFAULT.orphanDays());
    }

    private static int number(Map<String, String> options, String key, int fallback) {
      try {
        return options.containsKey(key) ? Integer.parseInt(options.get(key).trim()) : fallback;
      } catch (NumberFormatException e) {
        return fallback;
      }
    }
  }

  /**
   * A stored message as the API shows it.
   *
   * @param attachmentNames the names of {@code attachments}
   * @param attachments name, size and link (size and link null where the host gave none, and for
   *     messages stored before links were kept)
   */
  public record StoredMessage(
      String authorId,
      String authorKind,
      boolean publicMessage,
      long createdAt,
      String text,
      String html,
      List<String> attachmentNames,
      List<Message.Attachment> attachments,
      boolean truncated) {}

  private static final Safelist SAFE = Safelist.basic();
  private final Clock clock;

  public Conversations(Clock clock) {
    this.clock = clock;
  }

  /** Adds {@code messages} of one ticket inside the caller's transaction. */
  public void store(
      Handle h,
      String connectionId,
      String ticketExternalId,
      List<Message> messages,
      Limits limits) {
    if (messages.isEmpty()) return;
    int stored =
        h.createQuery(
                "SELECT stored FROM conversations WHERE connection_id = ? AND ticket_external_id = ?")
            .bind(0, connectionId)
            .bind(1, ticketExternalId)
            .mapTo(Integer.class)
            .findOne()
            .orElse(0);
    int omitted = 0;
    List<Message> ordered =
        messages.stream()
            .sorted(
                Comparator.comparing(
                    m -> m.createdAt() == null ? 0L : m.createdAt().toEpochMilli()))
            .toList();
    for (Message m : ordered) {
      if (stored >= limits.maxMessages()) {
        if (!exists(h, connectionId, ticketExternalId, key(m))) omitted++;
        continue;
      }
      if (insert(h, connectionId, ticketExternalId, m, limits)) stored++;
    }
    h.createUpdate(
            """
            INSERT INTO conversations (connection_id, ticket_external_id, stored, omitted, updated_at)
            VALUES (:c, :t, :stored, :omitted, :now)
            ON CONFLICT (connection_id, ticket_external_id) DO UPDATE SET stored = excluded.stored,
              omitted = conversations.omitted + excluded.omitted, updated_at = excluded.updated_at""")
        .bind("c", connectionId)
        .bind("t", ticketExternalId)
        .bind("stored", stored)
        .bind("omitted", omitted)
        .bind("now", clock.millis())
        .execute();
  }

  /** Deletes messages whose ticket was never stored within {@link Limits#orphanDays()}. */
  public int purgeOrphans(Handle h, String connectionId, Limits limits) {
    long cutoff = clock.millis() - Duration.ofDays(limits.orphanDays()).toMillis();
    String orphan =
        " WHERE connection_id = :c AND updated_at < :cutoff AND NOT EXISTS (SELECT 1 FROM tickets t"
            + " WHERE t.connection_id = conversations.connection_id"
            + " AND t.external_id = conversations.ticket_external_id)";
    int purged =
        h.createUpdate(
                "DELETE FROM messages WHERE (connection_id, ticket_external_id) IN"
                    + " (SELECT connection_id, ticket_external_id FROM conversations"
                    + orphan
                    + ")")
            .bind("c", connectionId)
            .bind("cutoff", cutoff)
            .execute();
    h.createUpdate("DELETE FROM conversations" + orphan)
        .bind("c", connectionId)
        .bind("cutoff", cutoff)
        .execute();
    return purged;
  }

  /** Deletes the conversation of one ticket (retention). */
  public void delete(Handle h, String connectionId, String ticketExternalId) {
    for (String table : List.of("messages", "conversations"))
      h.createUpdate("DELETE FROM " + table + " WHERE connection_id = ? AND ticket_external_id = ?")
          .bind(0, connectionId)
          .bind(1, ticketExternalId)
          .execute();
  }

  /** The stored messages of a ticket, oldest first, and how many were not stored. */
  public record Transcript(List<StoredMessage> messages, int omitted) {}

  public Transcript read(Handle h, String connectionId, String ticketExternalId) {
    List<StoredMessage> messages =
        h.createQuery(
                """
                SELECT author_id, author_kind, public_message, created_at, body, html, attachments,
                  truncated
                FROM messages WHERE connection_id = ? AND ticket_external_id = ?
                ORDER BY created_at, message_key""")
            .bind(0, connectionId)
            .bind(1, ticketExternalId)
            .map(
                (rs, ctx) -> {
                  List<Message.Attachment> files = attachments(rs.getString(7));
                  return new StoredMessage(
                      rs.getString(1),
                      rs.getString(2),
                      rs.getInt(3) == 1,
                      rs.getLong(4),
                      rs.getString(5),
                      rs.getString(6),
                      files.stream().map(Message.Attachment::name).toList(),
                      files,
                      rs.getInt(8) == 1);
                })
            .list();
    int omitted =
        h.createQuery(
                "SELECT omitted FROM conversations WHERE connection_id = ? AND ticket_external_id = ?")
            .bind(0, connectionId)
            .bind(1, ticketExternalId)
            .mapTo(Integer.class)
            .findOne()
            .orElse(0);
    return new Transcript(messages, omitted);
  }

  // The column holds names (as first stored) or {name, size, url} objects (since links are kept).
  private static List<Message.Attachment> attachments(String json) {
    List<Message.Attachment> out = new ArrayList<>();
    for (JsonNode a : Json.read(json, JsonNode.class)) {
      if (a.isTextual()) out.add(new Message.Attachment(a.asText(), null, null));
      else
        out.add(
            new Message.Attachment(
                a.path("name").asText("attachment"),
                a.path("size").isNumber() ? a.path("size").asLong() : null,
                a.path("url").isTextual() ? a.path("url").asText() : null));
    }
    return out;
  }

  private static String key(Message m) {
    if (m.id() != null) return m.id();
    return (m.createdAt() == null ? "?" : m.createdAt().toString()) + "/" + m.authorId();
  }

  private static boolean exists(Handle h, String connectionId, String ticket, String key) {
    return h.createQuery(
                "SELECT count(*) FROM messages WHERE connection_id = ? AND ticket_external_id = ?"
                    + " AND message_key = ?")
            .bind(0, connectionId)
            .bind(1, ticket)
            .bind(2, key)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  private boolean insert(Handle h, String connectionId, String ticket, Message m, Limits limits) {
    String body = m.body() == null ? "" : m.body();
    boolean truncated = body.length() > limits.maxChars();
    if (truncated) body = body.substring(0, limits.maxChars());
    String html = m.html() == null ? null : Jsoup.clean(m.html(), SAFE);
    if (html != null && html.length() > limits.maxChars()) {
      html = null; // a cut HTML fragment is not worth keeping; the text is
      truncated = true;
    }
    return h.createUpdate(
                """
                INSERT INTO messages (id, connection_id, ticket_external_id, message_key, author_id,
                  author_kind, public_message, created_at, body, html, attachments, truncated)
                VALUES (:id, :c, :t, :key, :author, :kind, :public, :created, :body, :html, :files,
                  :truncated)
                ON CONFLICT (connection_id, ticket_external_id, message_key) DO NOTHING""")
            .bind("id", Ids.newId())
            .bind("c", connectionId)
            .bind("t", ticket)
            .bind("key", key(m))
            .bind("author", m.authorId())
            .bind("kind", m.authorKind().name())
            .bind("public", m.publicMessage() ? 1 : 0)
            .bind("created", m.createdAt() == null ? 0L : m.createdAt().toEpochMilli())
            .bind("body", body)
            .bind("html", html)
            .bind("files", Json.write(m.attachments()))
            .bind("truncated", truncated ? 1 : 0)
            .execute()
        == 1;
  }
}
