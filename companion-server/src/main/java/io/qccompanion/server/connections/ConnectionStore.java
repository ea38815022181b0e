package io.qccompanion.server.connections;

import com.fasterxml.jackson.core.type.TypeReference;
import io.qccompanion.model.ConnectionSettings;
import io.qccompanion.model.Host;
import io.qccompanion.server.auth.SecretBox;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Stores connections with their credentials sealed by {@link SecretBox}. */
public final class ConnectionStore {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> OPTIONS = new TypeReference<>() {};

  private final Database db;
  private final SecretBox box;
  private final Clock clock;
  private final String companionUrl;

  public ConnectionStore(Database db, SecretBox box, Clock clock, String companionUrl) {
    this.db = db;
    this.box = box;
    this.clock = clock;
    this.companionUrl = companionUrl;
  }

  /** What a caller supplies to create or change a connection; null fields keep their value. */
  public record Draft(
      String name,
      Host host,
      String baseUrl,
      ConnectionSettings.Auth.Kind authKind,
      String username,
      String secret,
      String webhookSecret,
      List<String> closedStatuses,
      Map<String, String> options,
      Instant startFrom,
      Integer intervalSeconds,
      Connection.Attribution attribution) {}

  public Connection insert(Handle h, String id, Draft d) {
    if (find(h, d.name()).isPresent())
      throw new Conflict("a connection named '" + d.name() + "' already exists");
    long now = clock.millis();
    h.createUpdate(
            """
            INSERT INTO connections (id, name, host, base_url, auth_kind, username, secret_enc,
              webhook_secret_enc, closed_statuses, options, start_from, interval_seconds, attribution,
              status, created_at, updated_at)
            VALUES (:id, :name, :host, :baseUrl, :authKind, :username, :secret, :webhookSecret,
              :closed, :options, :startFrom, :interval, :attribution, 'ACTIVE', :now, :now)""")
        .bind("id", id)
        .bind("name", d.name())
        .bind("host", d.host().id())
        .bind("baseUrl", d.baseUrl())
        .bind("authKind", d.authKind().name())
        .bind("username", d.username())
        .bind("secret", box.encrypt(d.secret()))
        .bind("webhookSecret", box.encrypt(d.webhookSecret()))
        .bind("closed", Json.write(d.closedStatuses()))
        .bind("options", Json.write(d.options()))
        .bind("startFrom", d.startFrom().toEpochMilli())
        .bind("interval", d.intervalSeconds())
        .bind("attribution", d.attribution().name())
        .bind("now", now)
        .execute();
    h.createUpdate("INSERT INTO sync_state (connection_id) VALUES (?)").bind(0, id).execute();
    return get(h, id);
  }

  /** Applies the non-null fields of {@code d}. */
  public Connection update(Handle h, String id, Draft d) {
    Connection before = get(h, id);
    h.createUpdate(
            """
            UPDATE connections SET name = :name, base_url = :baseUrl, auth_kind = :authKind,
              username = :username, closed_statuses = :closed, options = :options,
              interval_seconds = :interval, attribution = :attribution, updated_at = :now
            WHERE id = :id""")
        .bind("id", id)
        .bind("name", d.name() != null ? d.name() : before.name())
        .bind("baseUrl", d.baseUrl() != null ? d.baseUrl() : before.baseUrl())
        .bind("authKind", d.authKind() != null ? d.authKind().name() : before.authKind())
        .bind("username", d.username() != null ? d.username() : before.username())
        .bind(
            "closed",
            Json.write(d.closedStatuses() != null ? d.closedStatuses() : before.closedStatuses()))
        .bind("options", Json.write(d.options() != null ? d.options() : before.options()))
        .bind(
            "interval",
            d.intervalSeconds() != null ? d.intervalSeconds() : before.intervalSeconds())
        .bind(
            "attribution",
            (d.attribution() != null ? d.attribution() : before.attribution()).name())
        .bind("now", clock.millis())
        .execute();
    if (d.secret() != null)
      h.createUpdate("UPDATE connections SET secret_enc = ? WHERE id = ?")
          .bind(0, box.encrypt(d.secret()))
          .bind(1, id)
          .execute();
    if (d.webhookSecret() != null)
      h.createUpdate("UPDATE connections SET webhook_secret_enc = ? WHERE id = ?")
          .bind(0, box.encrypt(d.webhookSecret()))
          .bind(1, id)
          .execute();
    return get(h, id);
  }

  public void delete(Handle h, String id) {
    get(h, id);
    h.createUpdate("DELETE FROM connections WHERE id = ?").bind(0, id).execute();
  }

  /** Pauses ({@code reason} non-null) or resumes ({@code reason} null) a connection. */
  public void setPaused(Handle h, String id, String reason) {
    h.createUpdate(
            "UPDATE connections SET status = ?, paused_reason = ?, updated_at = ? WHERE id = ?")
        .bind(0, reason == null ? "ACTIVE" : "PAUSED")
        .bind(1, reason)
        .bind(2, clock.millis())
        .bind(3, id)
        .execute();
  }

  public Connection get(Handle h, String id) {
    return h.createQuery("SELECT * FROM connections WHERE id = ?")
        .bind(0, id)
        .map((rs, ctx) -> map(rs))
        .findOne()
        .orElseThrow(() -> new NotFound("connection", id));
  }

  public Connection get(String id) {
    return db.read(h -> get(h, id));
  }

  public Optional<Connection> find(Handle h, String name) {
    return h.createQuery("SELECT * FROM connections WHERE name = ?")
        .bind(0, name)
        .map((rs, ctx) -> map(rs))
        .findOne();
  }

  public List<Connection> list() {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM connections ORDER BY name")
                .map((rs, ctx) -> map(rs))
                .list());
  }

  /** The decrypted settings a connector is opened with. */
  public ConnectionSettings settings(String id) {
    return db.read(
        h ->
            h.createQuery("SELECT * FROM connections WHERE id = ?")
                .bind(0, id)
                .map(
                    (rs, ctx) ->
                        ConnectionSettings.builder()
                            .connectionId(id)
                            .name(rs.getString("name"))
                            .host(Host.of(rs.getString("host")))
                            .baseUrl(rs.getString("base_url"))
                            .auth(
                                new ConnectionSettings.Auth(
                                    ConnectionSettings.Auth.Kind.valueOf(rs.getString("auth_kind")),
                                    rs.getString("username"),
                                    box.decrypt(rs.getString("secret_enc"))))
                            .closedStatuses(Json.read(rs.getString("closed_statuses"), STRINGS))
                            .startFrom(Instant.ofEpochMilli(rs.getLong("start_from")))
                            .companionUrl(companionUrl)
                            .options(Json.read(rs.getString("options"), OPTIONS))
                            .build())
                .findOne()
                .orElseThrow(() -> new NotFound("connection", id)));
  }

  /** The decrypted webhook signing secret, if one is set. */
  public Optional<String> webhookSecret(String id) {
    return db.read(
        h ->
            h.createQuery("SELECT webhook_secret_enc FROM connections WHERE id = ?")
                .bind(0, id)
                .mapTo(String.class)
                .findOne()
                .map(box::decrypt));
  }

  private static Connection map(ResultSet rs) throws SQLException {
    return new Connection(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("host"),
        rs.getString("base_url"),
        rs.getString("auth_kind"),
        rs.getString("username"),
        Json.read(rs.getString("closed_statuses"), STRINGS),
        Json.read(rs.getString("options"), OPTIONS),
        Instant.ofEpochMilli(rs.getLong("start_from")),
        rs.getInt("interval_seconds"),
        Connection.Attribution.valueOf(rs.getString("attribution")),
        Connection.Status.valueOf(rs.getString("status")),
        rs.getString("paused_reason"),
        rs.getString("webhook_secret_enc") != null,
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
