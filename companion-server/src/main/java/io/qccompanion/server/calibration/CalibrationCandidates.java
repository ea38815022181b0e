package io.qccompanion.server.calibration;

import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Cursor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Stored closed tickets a lead may pick for a calibration session: filtered by text (subject,
 * ticket key or id), agent, team, host, solve date and an AutoQA finding, inside the lead's team
 * scope, newest solve first with keyset pagination.
 */
final class CalibrationCandidates {
  /** AutoQA check ids are slugs ({@code greeting}, {@code process:identity}). */
  static final Pattern CHECK_ID = Pattern.compile("[a-z_]+(:[a-z0-9_-]+)?");

  /**
   * What to search for; every field is optional.
   *
   * @param solvedFrom epoch millis, inclusive
   * @param solvedTo epoch millis, exclusive
   * @param autoqaFailed a check AutoQA failed on the ticket
   */
  record Query(
      String text,
      String agentId,
      String teamId,
      String host,
      Long solvedFrom,
      Long solvedTo,
      String autoqaFailed) {}

  /** One ticket as the picker shows it. */
  record Candidate(
      String id,
      String key,
      String subject,
      String host,
      String channel,
      String agentId,
      String agentName,
      String teamId,
      String teamName,
      java.time.Instant solvedAt,
      String csat,
      List<String> autoqaFailed) {}

  Cursor.Slice<Candidate> search(Handle h, Principal p, Query q, Cursor cursor) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT t.id, COALESCE(t.ticket_key, t.external_id) AS ticket_key, t.subject, t.host,
              t.channel, t.agent_id, a.name AS agent_name, t.team_id, m.name AS team_name,
              t.solved_at, t.csat_rating
            FROM tickets t
            LEFT JOIN agents a ON a.id = t.agent_id
            LEFT JOIN teams m ON m.id = t.team_id
            WHERE t.solved_at IS NOT NULL
            """);
    Map<String, Object> binds = new LinkedHashMap<>();
    boolean scoped = !p.is(Role.ADMIN) && !p.teamIds().isEmpty();
    if (scoped) sql.append(" AND t.team_id IN (<scope>)");
    if (q.text() != null) {
      sql.append(
          " AND (LOWER(t.subject) LIKE :like ESCAPE '!' OR LOWER(t.external_id) = :exact"
              + " OR LOWER(t.ticket_key) = :exact OR t.id = :raw)");
      String lower = q.text().toLowerCase(Locale.ROOT);
      binds.put("like", "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      binds.put("exact", lower.startsWith("#") ? lower.substring(1) : lower);
      binds.put("raw", q.text());
    }
    condition(sql, binds, "t.agent_id = :agent", "agent", q.agentId());
    condition(sql, binds, "t.team_id = :team", "team", q.teamId());
    condition(sql, binds, "t.host = :host", "host", q.host());
    condition(sql, binds, "t.solved_at >= :from", "from", q.solvedFrom());
    condition(sql, binds, "t.solved_at < :to", "to", q.solvedTo());
    condition(
        sql,
        binds,
        "EXISTS (SELECT 1 FROM auto_check_results r WHERE r.ticket_id = t.id"
            + " AND r.check_id = :check AND r.pass = 0)",
        "check",
        q.autoqaFailed());
    if (!cursor.first()) {
      sql.append(" AND (t.solved_at < :k OR (t.solved_at = :k AND t.id < :kid))");
      binds.put("k", cursor.sortKey());
      binds.put("kid", cursor.id());
    }
    sql.append(" ORDER BY t.solved_at DESC, t.id DESC LIMIT :limit");
    var query = h.createQuery(sql.toString()).bindMap(binds).bind("limit", cursor.limit() + 1);
    if (scoped) query.bindList("scope", List.copyOf(p.teamIds()));
    List<Candidate> rows =
        query
            .map(
                (rs, c) ->
                    new Candidate(
                        rs.getString("id"),
                        rs.getString("ticket_key"),
                        rs.getString("subject"),
                        rs.getString("host"),
                        rs.getString("channel"),
                        rs.getString("agent_id"),
                        rs.getString("agent_name"),
                        rs.getString("team_id"),
                        rs.getString("team_name"),
                        java.time.Instant.ofEpochMilli(rs.getLong("solved_at")),
                        rs.getString("csat_rating"),
                        List.of()))
            .list();
    Cursor.Slice<Candidate> page =
        cursor.slice(rows, c -> c.solvedAt().toEpochMilli(), Candidate::id);
    return new Cursor.Slice<>(withFindings(h, page.items()), page.nextCursor());
  }

  /** The hosts closed tickets come from, for the host filter. */
  List<String> hosts(Handle h) {
    return h.createQuery(
            "SELECT DISTINCT host FROM tickets WHERE solved_at IS NOT NULL ORDER BY host")
        .mapTo(String.class)
        .list();
  }

  /** Adds the checks AutoQA failed on each ticket of the page (one query for the page). */
  private static List<Candidate> withFindings(Handle h, List<Candidate> items) {
    if (items.isEmpty()) return items;
    Map<String, List<String>> failed = new LinkedHashMap<>();
    h.createQuery(
            "SELECT ticket_id, check_id FROM auto_check_results WHERE pass = 0"
                + " AND ticket_id IN (<ids>) ORDER BY ticket_id, check_id")
        .bindList("ids", items.stream().map(Candidate::id).toList())
        .map(
            (rs, c) ->
                failed
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(rs.getString(2)))
        .list();
    List<Candidate> out = new ArrayList<>(items.size());
    for (Candidate c : items)
      out.add(
          new Candidate(
              c.id(),
              c.key(),
              c.subject(),
              c.host(),
              c.channel(),
              c.agentId(),
              c.agentName(),
              c.teamId(),
              c.teamName(),
              c.solvedAt(),
              c.csat(),
              List.copyOf(failed.getOrDefault(c.id(), List.of()))));
    return out;
  }

  private static void condition(
      StringBuilder sql, Map<String, Object> binds, String clause, String name, Object value) {
    if (value == null) return;
    sql.append(" AND ").append(clause);
    binds.put(name, value);
  }
}
