package io.qccompanion.server.sampling;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.domain.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Loads (ticket, agent) pairs: one per {@code ticket_agents} row (filled by sync according to the
 * connection's attribution rule), else the ticket's own agent. Tickets with neither are skipped.
 */
final class Candidates {
  private static final String SELECT =
      """
      SELECT t.id AS ticket_id, a.id AS agent_id, COALESCE(a.team_id, t.team_id) AS team_id,
             t.channel, COALESCE(t.solved_at, t.updated_at) AS solved_at, t.subject, t.csat_rating,
             t.reopen_count, t.handle_time_seconds, t.payload
      FROM tickets t
      LEFT JOIN ticket_agents ta ON ta.ticket_id = t.id
      JOIN agents a ON a.id = COALESCE(ta.agent_id, t.agent_id)
      """;
  private static final String UNDECIDED =
      " AND NOT EXISTS (SELECT 1 FROM sample_decisions d"
          + " WHERE d.ticket_id = t.id AND d.agent_id = a.id)";
  private static final String ORDER = " ORDER BY solved_at, t.id, a.id";

  private Candidates() {}

  /** Undecided pairs of the given tickets. */
  static List<Candidate> undecided(Handle h, Collection<String> ticketIds) {
    List<Candidate> out = new ArrayList<>();
    List<String> ids = List.copyOf(ticketIds);
    for (int i = 0; i < ids.size(); i += 500) {
      out.addAll(
          h.createQuery(SELECT + " WHERE t.id IN (<ids>)" + UNDECIDED + ORDER)
              .bindList("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
              .map((rs, ctx) -> read(rs))
              .list());
    }
    return out;
  }

  /** Every pair of one ticket, decided or not. */
  static List<Candidate> all(Handle h, String ticketId) {
    return h.createQuery(SELECT + " WHERE t.id = :id" + ORDER)
        .bind("id", ticketId)
        .map((rs, ctx) -> read(rs))
        .list();
  }

  /** Pairs of tickets solved in [from, to); only undecided ones when {@code undecidedOnly}. */
  static List<Candidate> solvedIn(
      Handle h, Instant from, Instant to, String teamId, boolean undecidedOnly) {
    String sql =
        SELECT
            + " WHERE t.solved_at >= :from AND t.solved_at < :to"
            + (teamId == null ? "" : " AND COALESCE(a.team_id, t.team_id) = :team")
            + (undecidedOnly ? UNDECIDED : "")
            + ORDER;
    var query = h.createQuery(sql).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli());
    if (teamId != null) query.bind("team", teamId);
    return query.map((rs, ctx) -> read(rs)).list();
  }

  private static Candidate read(java.sql.ResultSet rs) throws java.sql.SQLException {
    long handle = rs.getLong("handle_time_seconds");
    Long handleTime = rs.wasNull() ? null : handle;
    return new Candidate(
        rs.getString("ticket_id"),
        rs.getString("agent_id"),
        rs.getString("team_id"),
        rs.getString("channel"),
        Instant.ofEpochMilli(rs.getLong("solved_at")),
        rs.getString("subject"),
        rs.getString("csat_rating"),
        rs.getInt("reopen_count"),
        handleTime,
        tags(rs.getString("payload")));
  }

  /** Tags from the stored ticket JSON; tolerant of payloads without them. */
  private static List<String> tags(String payload) {
    if (payload == null || payload.isBlank()) return List.of();
    try {
      JsonNode tags = Json.MAPPER.readTree(payload).path("tags");
      List<String> out = new ArrayList<>();
      tags.forEach(t -> out.add(t.asText()));
      return out;
    } catch (java.io.IOException e) {
      return List.of();
    }
  }
}
