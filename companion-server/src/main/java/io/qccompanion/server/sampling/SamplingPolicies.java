package io.qccompanion.server.sampling;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Stored sampling policies: one per team plus the organisation default (team_id NULL). A team
 * without its own policy uses the default; without a stored default, {@link
 * SamplingPolicy#DEFAULTS} applies.
 */
final class SamplingPolicies {
  private final Clock clock;
  private final AuditLog audit;

  public SamplingPolicies(Clock clock, AuditLog audit) {
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * The policy that applies to a team.
   *
   * @param id the stored row's id, or null for the built-in defaults
   * @param teamId the team the policy belongs to, or null for the organisation default
   * @param inherited true when the asked team has no policy of its own
   */
  public record Effective(
      String id,
      String teamId,
      boolean inherited,
      SamplingPolicy config,
      Long updatedAt,
      String updatedBy) {}

  /** The policy for {@code teamId} (null = the organisation default). */
  public Effective effective(Handle h, String teamId) {
    if (teamId != null) {
      var own = stored(h, teamId);
      if (own.isPresent()) return own.get();
    }
    var fallback =
        stored(h, null)
            .orElse(new Effective(null, null, false, SamplingPolicy.DEFAULTS, null, null));
    boolean inherited = teamId != null;
    return new Effective(
        fallback.id(),
        fallback.teamId(),
        inherited,
        fallback.config(),
        fallback.updatedAt(),
        fallback.updatedBy());
  }

  /** Stores {@code policy} (already validated and complete) for {@code teamId}, audited. */
  public Effective put(Handle h, String teamId, SamplingPolicy policy, String actorId) {
    Effective before = stored(h, teamId).orElse(null);
    String id = before == null ? Ids.newId() : before.id();
    long now = clock.millis();
    if (before == null)
      h.createUpdate(
              """
              INSERT INTO sampling_policies (id, team_id, config, updated_at, updated_by)
              VALUES (:id, :team, :config, :now, :by)""")
          .bind("id", id)
          .bind("team", teamId)
          .bind("config", Json.write(policy))
          .bind("now", now)
          .bind("by", actorId)
          .execute();
    else
      h.createUpdate(
              "UPDATE sampling_policies SET config = :config, updated_at = :now, updated_by = :by"
                  + " WHERE id = :id")
          .bind("id", id)
          .bind("config", Json.write(policy))
          .bind("now", now)
          .bind("by", actorId)
          .execute();
    Effective after = new Effective(id, teamId, false, policy, now, actorId);
    audit.record(
        h,
        actorId,
        before == null ? "sampling_policy.create" : "sampling_policy.update",
        "sampling_policy",
        id,
        before == null ? null : before.config(),
        policy);
    return after;
  }

  private Optional<Effective> stored(Handle h, String teamId) {
    String where = teamId == null ? "team_id IS NULL" : "team_id = :team";
    var query =
        h.createQuery(
            "SELECT id, team_id, config, updated_at, updated_by FROM sampling_policies WHERE "
                + where);
    if (teamId != null) query.bind("team", teamId);
    return query
        .map(
            (rs, ctx) ->
                new Effective(
                    rs.getString("id"),
                    rs.getString("team_id"),
                    false,
                    Json.read(rs.getString("config"), SamplingPolicy.class)
                        .withDefaults(SamplingPolicy.DEFAULTS),
                    rs.getLong("updated_at"),
                    rs.getString("updated_by")))
        .findOne();
  }
}
