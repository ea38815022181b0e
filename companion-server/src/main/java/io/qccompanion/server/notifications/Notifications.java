package io.qccompanion.server.notifications;

import io.qccompanion.server.config.MailSettings;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.store.Ids;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-app inbox, per-user preferences and the optional mail copy. Raising a notification works
 * inside the caller's transaction; mail goes out afterwards from {@link #mailPending}, so a slow or
 * failing SMTP server never holds a workflow transaction.
 */
public final class Notifications {
  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
  private final Clock clock;
  private final Optional<Mailer> mailer;
  private final String publicUrl;

  /** {@code mail} null: nothing is ever mailed. */
  public Notifications(Clock clock, MailSettings mail, String publicUrl) {
    this.clock = clock;
    this.mailer = Optional.ofNullable(mail).map(Mailer::new);
    this.publicUrl = publicUrl;
  }

  /** Whether an SMTP server is configured. */
  public boolean mailConfigured() {
    return mailer.isPresent();
  }

  /** One user's choice for one kind. */
  public record Preference(String kind, String label, boolean inApp, boolean email) {}

  /**
   * Raises {@code kind} about {@code subjectId} for {@code userId} unless they already have it or
   * switched the kind off; returns whether a notification was stored.
   */
  public boolean send(
      Handle h,
      String userId,
      NotificationKind kind,
      String subjectType,
      String subjectId,
      String title,
      String link) {
    if (userId == null) return false;
    boolean seen =
        h.createQuery(
                    "SELECT COUNT(*) FROM notifications WHERE subject_id = ? AND kind = ? AND user_id = ?")
                .bind(0, subjectId)
                .bind(1, kind.name())
                .bind(2, userId)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (seen) return false;
    Preference pref = preference(h, userId, kind);
    if (!pref.inApp() && !pref.email()) return false;
    h.createUpdate(
            """
            INSERT INTO notifications (id, user_id, kind, subject_type, subject_id, title, link,
              created_at, read_at, mail_wanted)
            VALUES (:id, :u, :k, :st, :sid, :title, :link, :at, :read, :mail)
            """)
        .bind("id", Ids.newId())
        .bind("u", userId)
        .bind("k", kind.name())
        .bind("st", subjectType)
        .bind("sid", subjectId)
        .bind("title", title)
        .bind("link", link)
        .bind("at", clock.millis())
        // mail-only: stored as read so the badge does not count it
        .bind("read", pref.inApp() ? null : clock.millis())
        .bind("mail", pref.email() && mailer.isPresent() ? 1 : 0)
        .execute();
    return true;
  }

  /** Active users of {@code role} who work for {@code teamId} (or for every team). */
  public List<String> usersOfTeam(Handle h, String teamId, String... roles) {
    return h.createQuery(
            """
            SELECT u.id FROM users u WHERE u.active = 1 AND u.role IN (<roles>)
              AND (NOT EXISTS (SELECT 1 FROM user_teams t WHERE t.user_id = u.id)
                OR EXISTS (SELECT 1 FROM user_teams t WHERE t.user_id = u.id AND t.team_id = :team))
            ORDER BY u.id
            """)
        .bindList("roles", List.of(roles))
        .bind("team", teamId)
        .mapTo(String.class)
        .list();
  }

  /** Users signed in as agent {@code agentId}. */
  public List<String> usersOfAgent(Handle h, String agentId) {
    return h.createQuery("SELECT id FROM users WHERE agent_id = ? AND active = 1 ORDER BY id")
        .bind(0, agentId)
        .mapTo(String.class)
        .list();
  }

  /** The inbox, newest first; {@code before} is the cursor (created-at millis, id). */
  public List<Notification> inbox(
      Handle h, String userId, boolean unreadOnly, Long beforeMillis, String beforeId, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, kind, subject_type, subject_id, title, link, created_at, read_at"
                + " FROM notifications WHERE user_id = :u");
    if (unreadOnly) sql.append(" AND read_at IS NULL");
    if (beforeMillis != null)
      sql.append(" AND (created_at < :k OR (created_at = :k AND id < :cid))");
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
    var q = h.createQuery(sql.toString()).bind("u", userId).bind("limit", limit);
    if (beforeMillis != null) q.bind("k", beforeMillis).bind("cid", beforeId);
    return q.map(
            (rs, ctx) -> {
              long read = rs.getLong("read_at");
              Instant readAt = rs.wasNull() ? null : Instant.ofEpochMilli(read);
              return new Notification(
                  rs.getString("id"),
                  rs.getString("kind"),
                  rs.getString("subject_type"),
                  rs.getString("subject_id"),
                  rs.getString("title"),
                  rs.getString("link"),
                  Instant.ofEpochMilli(rs.getLong("created_at")),
                  readAt);
            })
        .list();
  }

  /** Unread notifications of {@code userId}. */
  public int unread(Handle h, String userId) {
    return h.createQuery("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL")
        .bind(0, userId)
        .mapTo(Integer.class)
        .one();
  }

  /** Marks one of the user's notifications read; false when it is not theirs. */
  public boolean markRead(Handle h, String userId, String id) {
    int found =
        h.createQuery("SELECT COUNT(*) FROM notifications WHERE id = ? AND user_id = ?")
            .bind(0, id)
            .bind(1, userId)
            .mapTo(Integer.class)
            .one();
    h.execute(
        "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
        clock.millis(),
        id,
        userId);
    return found > 0;
  }

  /** Marks every notification of the user read; returns how many changed. */
  public int markAllRead(Handle h, String userId) {
    return h.execute(
        "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
        clock.millis(),
        userId);
  }

  /** Every kind with the user's choice (in-app on and mail off unless they changed it). */
  public List<Preference> preferences(Handle h, String userId) {
    Map<String, Preference> stored = new LinkedHashMap<>();
    h.createQuery("SELECT kind, in_app, email FROM notification_preferences WHERE user_id = ?")
        .bind(0, userId)
        .map(
            (rs, ctx) ->
                stored.put(
                    rs.getString("kind"),
                    new Preference(
                        rs.getString("kind"),
                        null,
                        rs.getInt("in_app") == 1,
                        rs.getInt("email") == 1)))
        .list();
    List<Preference> out = new ArrayList<>();
    for (NotificationKind k : NotificationKind.values()) {
      Preference p = stored.get(k.name());
      out.add(new Preference(k.name(), k.label(), p == null || p.inApp(), p != null && p.email()));
    }
    return out;
  }

  /** Stores the user's choice for one kind. */
  public void setPreference(
      Handle h, String userId, NotificationKind kind, boolean inApp, boolean email) {
    h.execute(
        "DELETE FROM notification_preferences WHERE user_id = ? AND kind = ?", userId, kind.name());
    h.execute(
        "INSERT INTO notification_preferences (user_id, kind, in_app, email) VALUES (?, ?, ?, ?)",
        userId,
        kind.name(),
        inApp ? 1 : 0,
        email ? 1 : 0);
  }

  private Preference preference(Handle h, String userId, NotificationKind kind) {
    return preferences(h, userId).stream()
        .filter(p -> p.kind().equals(kind.name()))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Mails every notification that wants a copy and has none yet, each in its own transaction;
   * returns how many went out. A failed send stays pending for the next run.
   */
  public int mailPending(Database db) {
    if (mailer.isEmpty()) return 0;
    record Pending(String id, String email, String title, String link) {}
    List<Pending> pending =
        db.read(
            h ->
                h.createQuery(
                        """
                        SELECT n.id, u.email, n.title, n.link FROM notifications n
                        JOIN users u ON u.id = n.user_id
                        WHERE n.mail_wanted = 1 AND n.mailed_at IS NULL
                        ORDER BY n.created_at, n.id LIMIT 200
                        """)
                    .map(
                        (rs, ctx) ->
                            new Pending(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list());
    int sent = 0;
    for (Pending p : pending) {
      try {
        mailer
            .get()
            .send(
                p.email(),
                "QC Companion: " + p.title(),
                p.title()
                    + "\n\nOpen it in QC Companion: "
                    + publicUrl
                    + p.link()
                    + "\n\n"
                    + "Change which notifications you receive at "
                    + publicUrl
                    + "/notifications\n");
      } catch (MessagingException e) {
        LOG.warn("mail for notification {} not sent: {}", p.id(), e.getMessage());
        continue;
      }
      db.write(
          h ->
              h.execute(
                  "UPDATE notifications SET mailed_at = ? WHERE id = ?", clock.millis(), p.id()));
      sent++;
    }
    return sent;
  }
}
