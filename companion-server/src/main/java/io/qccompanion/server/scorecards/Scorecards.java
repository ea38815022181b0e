package io.qccompanion.server.scorecards;

import com.fasterxml.jackson.core.type.TypeReference;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.users.UserDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/** Scorecard drafts, their immutable published versions and archiving; every change audited. */
public final class Scorecards {
  /** Which tickets a scorecard is for: drafted, then live once published. */
  public record Routing(String teamId, String channel, String tag, boolean isDefault) {
    static Routing of(ScorecardDraft d) {
      return new Routing(d.teamId(), d.channel(), d.tag(), Boolean.TRUE.equals(d.isDefault()));
    }
  }

  private static final TypeReference<List<Section>> SECTIONS = new TypeReference<>() {};
  private static final String ENTITY = "scorecard";
  private final Clock clock;
  private final AuditLog audit;
  private final UserDirectory users;
  private final DraftValidator validator = new DraftValidator();
  // published versions never change: each is read and parsed once (a few hundred at most)
  private final Map<String, ScorecardVersion> versions = new ConcurrentHashMap<>();

  public Scorecards(Clock clock, AuditLog audit, UserDirectory users) {
    this.clock = clock;
    this.audit = audit;
    this.users = users;
  }

  /** Creates a scorecard from a valid draft; its routing goes live with the first publish. */
  public Scorecard create(Handle h, ScorecardDraft raw, String actorId) {
    ScorecardDraft d = checked(h, raw);
    String id = Ids.newId();
    long now = clock.millis();
    h.createUpdate(
            """
            INSERT INTO scorecards (id, name, description, team_id, channel, tag, is_default,
              pass_mark, draft, draft_rules, archived, created_at, updated_at)
            VALUES (:id, :name, :description, :teamId, :channel, :tag, 0, :passMark,
              :draft, :rules, 0, :now, :now)
            """)
        .bindMethods(d)
        .bind("id", id)
        .bind("draft", Json.write(d.sections()))
        .bind("rules", Json.write(Routing.of(d)))
        .bind("now", now)
        .execute();
    Scorecard created = require(h, id);
    audit.record(h, actorId, "scorecard.create", ENTITY, id, null, created);
    return created;
  }

  /**
   * Replaces the draft of a non-archived scorecard. Published versions and the live routing (team,
   * channel, tag, default) stay as they are until the next publish.
   */
  public Scorecard update(Handle h, String id, ScorecardDraft raw, String actorId) {
    Scorecard before = requireActive(h, id);
    ScorecardDraft d = checked(h, raw);
    h.createUpdate(
            """
            UPDATE scorecards SET name = :name, description = :description, pass_mark = :passMark,
              draft = :draft, draft_rules = :rules, updated_at = :now
            WHERE id = :id
            """)
        .bindMethods(d)
        .bind("id", id)
        .bind("draft", Json.write(d.sections()))
        .bind("rules", Json.write(Routing.of(d)))
        .bind("now", clock.millis())
        .execute();
    if (before.versions().isEmpty()) applyRouting(h, id, Routing.of(d), false);
    Scorecard after = require(h, id);
    audit.record(h, actorId, "scorecard.update", ENTITY, id, before, after);
    return after;
  }

  /** Freezes the current draft as version n+1. */
  public ScorecardVersion publish(Handle h, String id, String actorId) {
    Scorecard card = requireActive(h, id);
    ScorecardDraft d =
        new ScorecardDraft(
            card.name(),
            card.description(),
            card.teamId(),
            card.channel(),
            card.tag(),
            card.isDefault(),
            card.passMark(),
            card.sections());
    validator.validate(d);
    int next = card.versions().size() + 1;
    var version =
        new ScorecardVersion(
            Ids.newId(), id, next, d.definition(), Instant.ofEpochMilli(clock.millis()), actorId);
    h.createUpdate(
            """
            INSERT INTO scorecard_versions (id, scorecard_id, version, definition, published_at,
              published_by)
            VALUES (:id, :scorecardId, :version, :definition, :at, :by)
            """)
        .bind("id", version.id())
        .bind("scorecardId", id)
        .bind("version", next)
        .bind("definition", Json.write(version.definition()))
        .bind("at", version.publishedAt().toEpochMilli())
        .bind("by", actorId)
        .execute();
    applyRouting(
        h,
        id,
        new Routing(d.teamId(), d.channel(), d.tag(), Boolean.TRUE.equals(d.isDefault())),
        true);
    audit.record(h, actorId, "scorecard.publish", ENTITY, id, null, version);
    return version;
  }

  /** Archives a scorecard: it is no longer selected for new evaluations nor editable. */
  public Scorecard archive(Handle h, String id, String actorId) {
    Scorecard before = requireActive(h, id);
    h.createUpdate(
            "UPDATE scorecards SET archived = 1, is_default = 0, updated_at = ? WHERE id = ?")
        .bind(0, clock.millis())
        .bind(1, id)
        .execute();
    Scorecard after = require(h, id);
    audit.record(h, actorId, "scorecard.archive", ENTITY, id, before, after);
    return after;
  }

  /** Every scorecard, archived ones only when asked. */
  public List<Scorecard> list(Handle h, boolean includeArchived) {
    return h.createQuery(
            "SELECT * FROM scorecards WHERE archived = 0 OR :all = 1 ORDER BY name, id")
        .bind("all", includeArchived ? 1 : 0)
        .map((rs, ctx) -> row(h, rs))
        .list();
  }

  public Optional<Scorecard> find(Handle h, String id) {
    return h.createQuery("SELECT * FROM scorecards WHERE id = ?")
        .bind(0, id)
        .map((rs, ctx) -> row(h, rs))
        .findOne();
  }

  /** The published version with {@code versionId}. */
  public Optional<ScorecardVersion> version(Handle h, String versionId) {
    ScorecardVersion cached = versions.get(versionId);
    if (cached != null) return Optional.of(cached);
    Optional<ScorecardVersion> read = readVersion(h, versionId);
    // one read inside a transaction may be rolled back: cache committed versions only
    if (read.isPresent() && !h.isInTransaction() && versions.size() < 10_000)
      versions.put(versionId, read.get());
    return read;
  }

  private static Optional<ScorecardVersion> readVersion(Handle h, String versionId) {
    return h.createQuery("SELECT * FROM scorecard_versions WHERE id = ?")
        .bind(0, versionId)
        .map(
            (rs, ctx) ->
                new ScorecardVersion(
                    rs.getString("id"),
                    rs.getString("scorecard_id"),
                    rs.getInt("version"),
                    Json.read(rs.getString("definition"), ScorecardDefinition.class),
                    Instant.ofEpochMilli(rs.getLong("published_at")),
                    rs.getString("published_by")))
        .findOne();
  }

  Scorecard require(Handle h, String id) {
    return find(h, id).orElseThrow(() -> new NotFound("scorecard", id));
  }

  private Scorecard requireActive(Handle h, String id) {
    Scorecard card = require(h, id);
    if (card.archived()) throw new Conflict("scorecard '" + id + "' is archived");
    return card;
  }

  private ScorecardDraft checked(Handle h, ScorecardDraft raw) {
    ScorecardDraft d = raw.normalised();
    validator.validate(d);
    if (d.teamId() != null) users.requireTeam(h, d.teamId(), "/teamId");
    return d;
  }

  // The live columns the selector reads; the default flag moves only when publishing.
  private void applyRouting(Handle h, String id, Routing r, boolean publishing) {
    h.createUpdate("UPDATE scorecards SET team_id = :t, channel = :c, tag = :g WHERE id = :id")
        .bind("t", r.teamId())
        .bind("c", r.channel())
        .bind("g", r.tag())
        .bind("id", id)
        .execute();
    if (!publishing) return;
    if (r.isDefault()) clearDefault(h, r.teamId());
    h.execute("UPDATE scorecards SET is_default = ? WHERE id = ?", r.isDefault() ? 1 : 0, id);
  }

  private void clearDefault(Handle h, String teamId) {
    if (teamId == null) h.execute("UPDATE scorecards SET is_default = 0 WHERE team_id IS NULL");
    else h.execute("UPDATE scorecards SET is_default = 0 WHERE team_id = ?", teamId);
  }

  private Scorecard row(Handle h, ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    List<Scorecard.VersionSummary> versions =
        h.createQuery(
                "SELECT id, version, published_at, published_by FROM scorecard_versions"
                    + " WHERE scorecard_id = ? ORDER BY version")
            .bind(0, id)
            .map(
                (v, ctx) ->
                    new Scorecard.VersionSummary(
                        v.getString("id"),
                        v.getInt("version"),
                        Instant.ofEpochMilli(v.getLong("published_at")),
                        v.getString("published_by")))
            .list();
    var live =
        new Routing(
            rs.getString("team_id"),
            rs.getString("channel"),
            rs.getString("tag"),
            rs.getInt("is_default") == 1);
    String rules = rs.getString("draft_rules");
    Routing drafted = rules == null ? live : Json.read(rules, Routing.class);
    return new Scorecard(
        id,
        rs.getString("name"),
        rs.getString("description"),
        drafted.teamId(),
        drafted.channel(),
        drafted.tag(),
        drafted.isDefault(),
        rs.getDouble("pass_mark"),
        rs.getInt("archived") == 1,
        Json.read(rs.getString("draft"), SECTIONS),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        versions,
        versions.isEmpty() ? null : live);
  }
}
