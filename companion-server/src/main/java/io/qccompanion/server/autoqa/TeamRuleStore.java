package io.qccompanion.server.autoqa;

import com.fasterxml.jackson.core.type.TypeReference;
import io.qccompanion.server.domain.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code autoqa_team_rules} table: each team's own AutoQA rules, as the API wrote them. */
final class TeamRuleStore {
  /** A team's stored rules, with who changed them last and when. */
  record Stored(String teamId, TeamRuleSettings settings, Instant updatedAt, String updatedBy) {}

  private static final String COLUMNS =
      """
      team_id, first_reply_minutes, longest_wait_minutes, handle_time_minutes, max_reopens,
      dictionary, process_rules, updated_at, updated_by""";

  Optional<Stored> find(Handle h, String teamId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM autoqa_team_rules WHERE team_id = ?")
        .bind(0, teamId)
        .map((rs, ctx) -> stored(rs))
        .findOne();
  }

  /** Every team that has its own rules, by team id. */
  List<Stored> all(Handle h) {
    return h.createQuery("SELECT " + COLUMNS + " FROM autoqa_team_rules ORDER BY team_id")
        .map((rs, ctx) -> stored(rs))
        .list();
  }

  /** Replaces the team's rules (already validated). */
  void put(Handle h, String teamId, TeamRuleSettings s, String actorId, Instant now) {
    h.createUpdate("DELETE FROM autoqa_team_rules WHERE team_id = ?").bind(0, teamId).execute();
    h.createUpdate(
            """
            INSERT INTO autoqa_team_rules (team_id, first_reply_minutes, longest_wait_minutes,
              handle_time_minutes, max_reopens, dictionary, process_rules, updated_at, updated_by)
            VALUES (:team, :first, :wait, :handle, :reopens, :dictionary, :rules, :at, :by)""")
        .bind("team", teamId)
        .bind("first", s.firstReplyMinutes())
        .bind("wait", s.longestWaitMinutes())
        .bind("handle", s.handleTimeMinutes())
        .bind("reopens", s.maxReopens())
        .bind("dictionary", Json.write(s.dictionary()))
        .bind("rules", Json.write(s.processRules()))
        .bind("at", now.toEpochMilli())
        .bind("by", actorId)
        .execute();
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    return new Stored(
        rs.getString("team_id"),
        new TeamRuleSettings(
            nullableDouble(rs, "first_reply_minutes"),
            nullableDouble(rs, "longest_wait_minutes"),
            nullableDouble(rs, "handle_time_minutes"),
            nullableInt(rs, "max_reopens"),
            Json.read(rs.getString("dictionary"), new TypeReference<List<String>>() {}),
            Json.read(
                rs.getString("process_rules"),
                new TypeReference<List<TeamRuleSettings.Rule>>() {})),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getString("updated_by"));
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }
}
