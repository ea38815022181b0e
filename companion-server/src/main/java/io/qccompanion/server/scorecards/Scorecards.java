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
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Scorecard drafts, their immutable published versions and archiving; every change audited. */
public final class Scorecards {
  private static final TypeReference<List<Section>> SECTIONS = new TypeReference<>() {};
  private static final String ENTITY = "scorecard";
  private final Clock clock;
  private final AuditLog audit;
  private final UserDirectory users;
  private final DraftValidator validator = new DraftValidator();

  public Scorecards(Clock clock, AuditLog audit, UserDirectory users) {
    this.clock = clock;
    this.audit = audit;
    this.users = users;
  }

  /** Creates a scorecard from a valid draft. */
  public Scorecard create(Handle h, ScorecardDraft raw, String actorId) {
    ScorecardDraft d = checked(h, raw);
    String id = Ids.newId();
    long now = clock.millis();
    if (d.isDefault()) clearDefault(h, d.teamId());
    h.createUpdate(
            """
            INSERT INTO scorecards (id, name, description, team_id, channel, tag, is_default,
              pass_mark, draft, archived, created_at, updated_at)
            VALUES (:id, :name, :description, :teamId, :channel, :tag, :dflt, :passMark,
              :draft, 0, :now, :now)
            """)
        .bindMethods(d)
        .bind("id", id)
        .bind("dflt", d.isDefault() ? 1 : 0)
        .bind("draft", Json.write(d.sections()))
        .bind("now", now)
        .execute();
    Scorecard created = require(h, id);
    audit.record(h, actorId, "scorecard.create", ENTITY, id, null, created);
    return created;
  }

  /** Replaces the draft of a non-archived scorecard; published versions stay as they are. */
  public Scorecard update(Handle h, String id, ScorecardDraft raw, String actorId) {
    Scorecard before = requireActive(h, id);
    ScorecardDraft d = checked(h, raw);
    if (d.isDefault()) clearDefault(h, d.teamId());
    h.createUpdate(
            """
            UPDATE scorecards SET name = :name, description = :description, team_id = :teamId,
              channel = :channel, tag = :tag, is_default = :dflt, pass_mark = :passMark,
              draft = :draft, updated_at = :now
            WHERE id = :id
            """)
        .bindMethods(d)
        .bind("id", id)
        .bind("dflt", d.isDefault() ? 1 : 0)
        .bind("draft", Json.write(d.sections()))
        .bind("now", clock.millis())
        .execute();
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
    return new Scorecard(
        id,
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("team_id"),
        rs.getString("channel"),
        rs.getString("tag"),
        rs.getInt("is_default") == 1,
        rs.getDouble("pass_mark"),
        rs.getInt("archived") == 1,
        Json.read(rs.getString("draft"), SECTIONS),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        versions);
  }
}
