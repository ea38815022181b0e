package io.qccompanion.server.notifications;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Cursor;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.CursorParams;
import io.qccompanion.server.web.HttpProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The caller's notifications: inbox, unread count, read marks and preferences. */
public final class NotificationRoutes {
  private final Database db;
  private final Notifications notifications;

  public NotificationRoutes(Database db, Notifications notifications) {
    this.db = db;
    this.notifications = notifications;
  }

  record PreferenceChange(String kind, Boolean inApp, Boolean email) {}

  record PreferencesBody(List<PreferenceChange> items) {}

  public void register(RoutesConfig r) {
    r.get("/api/v1/notifications", this::inbox, Role.ANYONE);
    r.get("/api/v1/notifications/unread-count", this::unread, Role.ANYONE);
    r.post("/api/v1/notifications/read-all", this::readAll, Role.ANYONE);
    r.get("/api/v1/notifications/preferences", this::preferences, Role.ANYONE);
    r.put("/api/v1/notifications/preferences", this::putPreferences, Role.ANYONE);
    r.post("/api/v1/notifications/{id}/read", this::read, Role.ANYONE);
  }

  void inbox(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    Cursor cursor = CursorParams.from(ctx);
    boolean unreadOnly = "true".equalsIgnoreCase(ctx.queryParam("unread"));
    List<Notification> rows =
        db.read(
            h ->
                notifications.inbox(
                    h, p.userId(), unreadOnly, cursor.sortKey(), cursor.id(), cursor.limit() + 1));
    var slice = cursor.slice(rows, n -> n.createdAt().toEpochMilli(), Notification::id);
    Map<String, Object> page = new HashMap<>();
    page.put("items", slice.items());
    page.put("unread", db.read(h -> notifications.unread(h, p.userId())));
    if (slice.nextCursor() != null) page.put("nextCursor", slice.nextCursor());
    ctx.json(page);
  }

  void unread(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ctx.json(Map.of("unread", db.read(h -> notifications.unread(h, p.userId()))));
  }

  void read(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    if (!db.write(h -> notifications.markRead(h, p.userId(), id)))
      throw HttpProblem.notFound("notification", id);
    ctx.json(Map.of("unread", db.read(h -> notifications.unread(h, p.userId()))));
  }

  void readAll(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    int changed = db.write(h -> notifications.markAllRead(h, p.userId()));
    ctx.json(Map.of("marked", changed, "unread", 0));
  }

  void preferences(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    ctx.json(
        Map.of(
            "mailConfigured",
            notifications.mailConfigured(),
            "items",
            db.read(h -> notifications.preferences(h, p.userId()))));
  }

  void putPreferences(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    var body = Bodies.read(ctx, PreferencesBody.class);
    if (body.items() == null) throw HttpProblem.invalid("/items", "items is required");
    for (int i = 0; i < body.items().size(); i++) {
      var c = body.items().get(i);
      if (c == null || c.kind() == null)
        throw HttpProblem.invalid("/items/" + i + "/kind", "kind is required");
      try {
        NotificationKind.valueOf(c.kind().strip().toUpperCase());
      } catch (IllegalArgumentException e) {
        throw HttpProblem.invalid(
            "/items/" + i + "/kind", "no notification kind '" + c.kind() + "'");
      }
    }
    db.write(
        h -> {
          var current = notifications.preferences(h, p.userId());
          for (var c : body.items()) {
            var kind = NotificationKind.valueOf(c.kind().strip().toUpperCase());
            var now =
                current.stream()
                    .filter(x -> x.kind().equals(kind.name()))
                    .findFirst()
                    .orElseThrow();
            notifications.setPreference(
                h,
                p.userId(),
                kind,
                c.inApp() != null ? c.inApp() : now.inApp(),
                c.email() != null ? c.email() : now.email());
          }
          return null;
        });
    preferences(ctx);
  }
}
