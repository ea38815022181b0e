package io.qccompanion.server.scorecards;

import io.qccompanion.server.store.Database;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Chooses the scorecard version a ticket is graded on: the newest version of the most specific
 * published, non-archived scorecard that matches. Specificity, highest first: team + channel + tag,
 * team + channel, team + tag, team default, then the same ladder for organisation-wide scorecards
 * (no team). A scorecard without channel/tag rules that is not a default is never chosen
 * automatically. Ties go to the oldest scorecard, so adding one never silently changes others.
 */
public final class ScorecardSelector {

  /** A chosen version and why. */
  public record Selection(String scorecardVersionId, String scorecardId, int version, int rank) {}

  private final Database db;

  public ScorecardSelector(Database db) {
    this.db = db;
  }

  /** {@link #forTicket(Handle, String, String, Collection)} in its own read. */
  public Optional<Selection> forTicket(
      String ticketTeamId, String channel, Collection<String> tags) {
    return db.read(h -> forTicket(h, ticketTeamId, channel, tags));
  }

  private record Candidate(
      String versionId,
      String scorecardId,
      int version,
      String teamId,
      String channel,
      String tag,
      boolean isDefault,
      long createdAt) {}

  /** The version for a ticket of {@code ticketTeamId} (may be null) on {@code channel}. */
  public Optional<Selection> forTicket(
      Handle h, String ticketTeamId, String channel, Collection<String> tags) {
    Set<String> tagSet = tags == null ? Set.of() : Set.copyOf(tags);
    return h
        .createQuery(
            """
            SELECT v.id AS version_id, s.id, v.version, s.team_id, s.channel, s.tag, s.is_default,
              s.created_at
            FROM scorecards s
            JOIN scorecard_versions v ON v.scorecard_id = s.id
            WHERE s.archived = 0
              AND v.version = (SELECT MAX(version) FROM scorecard_versions WHERE scorecard_id = s.id)
            """)
        .map(
            (rs, ctx) ->
                new Candidate(
                    rs.getString("version_id"),
                    rs.getString("id"),
                    rs.getInt("version"),
                    rs.getString("team_id"),
                    rs.getString("channel"),
                    rs.getString("tag"),
                    rs.getInt("is_default") == 1,
                    rs.getLong("created_at")))
        .list()
        .stream()
        .filter(c -> c.teamId() == null || c.teamId().equals(ticketTeamId))
        .filter(c -> c.channel() == null || c.channel().equalsIgnoreCase(nullToEmpty(channel)))
        .filter(c -> c.tag() == null || tagSet.contains(c.tag()))
        .filter(c -> c.channel() != null || c.tag() != null || c.isDefault())
        .map(c -> new Ranked(c, rank(c)))
        .max(
            Comparator.comparingInt(Ranked::rank)
                .thenComparing(r -> -r.candidate().createdAt())
                .thenComparing(r -> r.candidate().scorecardId(), Comparator.reverseOrder()))
        .map(
            r ->
                new Selection(
                    r.candidate().versionId(),
                    r.candidate().scorecardId(),
                    r.candidate().version(),
                    r.rank()));
  }

  private record Ranked(Candidate candidate, int rank) {}

  /**
   * Team rules outrank every organisation rule; within each, channel+tag > channel > tag > default.
   */
  static int rank(Candidate c) {
    int specific =
        (c.channel() != null && c.tag() != null)
            ? 3
            : c.channel() != null ? 2 : c.tag() != null ? 1 : 0;
    return (c.teamId() != null ? 4 : 0) + specific;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
