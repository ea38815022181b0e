package io.qccompanion.server.evaluations;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.qccompanion.server.domain.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** What an evaluation shows and needs of its ticket. */
record TicketFacts(
    String id,
    String key,
    String subject,
    String url,
    String channel,
    String agentId,
    String agentName,
    String teamId,
    @JsonIgnore String connectionId,
    @JsonIgnore String externalId,
    @JsonIgnore List<String> tags) {

  private static final String SELECT =
      """
      SELECT t.id, t.ticket_key, t.external_id, t.subject, t.url, t.channel, t.agent_id,
        COALESCE(t.team_id, a.team_id) AS team, t.connection_id, t.payload, a.name AS agent_name
      FROM tickets t LEFT JOIN agents a ON a.id = t.agent_id
      """;

  /** Looks up a ticket with its attributed agent's name. */
  public static Optional<TicketFacts> find(Handle h, String ticketId) {
    return h.createQuery(SELECT + " WHERE t.id = ?")
        .bind(0, ticketId)
        .map((rs, ctx) -> read(rs))
        .findOne();
  }

  /** The connection a ticket came from (where its write-back goes), without reading its JSON. */
  static Optional<String> connectionOf(Handle h, String ticketId) {
    return h.createQuery("SELECT connection_id FROM tickets WHERE id = ?")
        .bind(0, ticketId)
        .mapTo(String.class)
        .findOne();
  }

  /** {@link #find} for several tickets in one query (list pages), by ticket id. */
  static Map<String, TicketFacts> findAll(Handle h, Collection<String> ticketIds) {
    Map<String, TicketFacts> out = new HashMap<>();
    if (ticketIds.isEmpty()) return out;
    h.createQuery(SELECT + " WHERE t.id IN (<ids>)")
        .bindList("ids", List.copyOf(ticketIds))
        .map((rs, ctx) -> read(rs))
        .forEach(t -> out.put(t.id(), t));
    return out;
  }

  private static TicketFacts read(ResultSet rs) throws SQLException {
    return new TicketFacts(
        rs.getString("id"),
        rs.getString("ticket_key") != null
            ? rs.getString("ticket_key")
            : rs.getString("external_id"),
        rs.getString("subject"),
        rs.getString("url"),
        rs.getString("channel"),
        rs.getString("agent_id"),
        rs.getString("agent_name"),
        rs.getString("team"),
        rs.getString("connection_id"),
        rs.getString("external_id"),
        tags(rs.getString("payload")));
  }

  /** Whether {@code agentId} is the ticket's agent or one of its attributed agents. */
  public boolean attributedTo(Handle h, String agentId) {
    if (agentId == null) return false;
    if (agentId.equals(this.agentId)) return true;
    return h.createQuery("SELECT count(*) FROM ticket_agents WHERE ticket_id = ? AND agent_id = ?")
            .bind(0, id)
            .bind(1, agentId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  // The tags live only in the stored ticket JSON; a payload we cannot read has no tags.
  private static List<String> tags(String payload) {
    List<String> tags = new ArrayList<>();
    try {
      Json.MAPPER.readTree(payload).path("tags").forEach(t -> tags.add(t.asText()));
    } catch (Exception e) {
      return List.of();
    }
    return tags;
  }
}
