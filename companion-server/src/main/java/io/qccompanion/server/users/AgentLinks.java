package io.qccompanion.server.users;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/**
 * One person, one agent: the host identities of an agent (its host badges), linking two agents that
 * are the same person (the second's identities, tickets, evaluations and workflow records move to
 * the first) and unlinking a host identity into an agent of its own. Sync already links identities
 * that share an e-mail; this is for the rest (hosts that hide e-mail addresses).
 */
final class AgentLinks {
  /** Tables whose agent_id follows the tickets of a moved identity, then the whole agent. */
  private static final List<String> WORKFLOW_TABLES =
      List.of(
          "feedback",
          "compliance_escalations",
          "coaching_sessions",
          "action_plans",
          "training_records",
          "production_exceptions",
          "sample_replacements",
          "users");

  private final Clock clock;
  private final AuditLog audit;
  private final BiConsumer<Handle, String> recount;

  /**
   * @param recount brings the quality aggregates in line with an evaluation whose agent changed
   */
  public AgentLinks(Clock clock, AuditLog audit, BiConsumer<Handle, String> recount) {
    this.clock = clock;
    this.audit = audit;
    this.recount = recount;
  }

  /** A host identity of an agent: the badge shows the host and the connection's name. */
  public record Identity(String connectionId, String connectionName, String host, String hostId) {}

  /** The agent's identities, by connection name. */
  public List<Identity> identities(Handle h, String agentId) {
    return h.createQuery(
            """
            SELECT i.connection_id, c.name, c.host, i.host_id FROM host_identities i
              JOIN connections c ON c.id = i.connection_id
            WHERE i.kind = 'agent' AND i.local_id = :a ORDER BY c.name, i.host_id""")
        .bind("a", agentId)
        .map(
            (rs, ctx) ->
                new Identity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** Agents that look like one person (same name or e-mail, case-insensitive), two or more. */
  public List<List<String>> likelyDuplicates(Handle h) {
    return h
        .createQuery(
            """
            SELECT lower(name) AS k, id FROM agents WHERE active = 1 AND lower(name) IN (
              SELECT lower(name) FROM agents WHERE active = 1 GROUP BY lower(name)
              HAVING COUNT(*) > 1)
            ORDER BY lower(name), created_at, id""")
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
        .list()
        .stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                r -> r[0],
                java.util.LinkedHashMap::new,
                java.util.stream.Collectors.mapping(
                    r -> r[1], java.util.stream.Collectors.toList())))
        .values()
        .stream()
        .toList();
  }

  /**
   * Links {@code otherId} into {@code agentId}: everything of the other moves; it is deactivated.
   */
  public void link(Handle h, String actorId, String agentId, String otherId) {
    if (agentId.equals(otherId))
      throw Invalid.malformed("/agentId", "an agent cannot be linked to itself");
    Agent into = require(h, agentId, null);
    Agent other = require(h, otherId, "/agentId");
    var before = identities(h, otherId);
    h.createUpdate(
            "UPDATE host_identities SET local_id = :to WHERE kind = 'agent' AND local_id = :from")
        .bind("to", agentId)
        .bind("from", otherId)
        .execute();
    move(h, otherId, agentId, null);
    for (String table : WORKFLOW_TABLES)
      h.createUpdate("UPDATE " + table + " SET agent_id = :to WHERE agent_id = :from")
          .bind("to", agentId)
          .bind("from", otherId)
          .execute();
    h.createUpdate("UPDATE agents SET active = 0 WHERE id = :id").bind("id", otherId).execute();
    if (into.email() == null && other.email() != null)
      h.createUpdate("UPDATE agents SET email = :e WHERE id = :id")
          .bind("e", other.email())
          .bind("id", agentId)
          .execute();
    audit.record(h, actorId, "agent.link", "agent", agentId, other, before);
  }

  /**
   * Unlinks one host identity into a new agent of the same name; the tickets of that connection
   * attributed to the agent, and their evaluations, go with it.
   */
  public Agent unlink(
      Handle h, String actorId, String agentId, String connectionId, String hostId) {
    Agent from = require(h, agentId, null);
    List<Identity> all = identities(h, agentId);
    if (all.stream()
        .noneMatch(i -> i.connectionId().equals(connectionId) && i.hostId().equals(hostId)))
      throw new NotFound("host identity", connectionId + "/" + hostId);
    if (all.size() < 2)
      throw new Conflict("agent '" + from.name() + "' has only this host identity");
    String id = Ids.newId();
    long now = clock.millis();
    h.createUpdate(
            """
            INSERT INTO agents (id, name, email, team_id, active, started_at, created_at)
            VALUES (:id, :name, NULL, :team, 1, :started, :now)""")
        .bind("id", id)
        .bind("name", from.name())
        .bind("team", from.teamId())
        .bind("started", from.startedAt().toEpochMilli())
        .bind("now", now)
        .execute();
    h.createUpdate(
            """
            UPDATE host_identities SET local_id = :to
            WHERE kind = 'agent' AND connection_id = :c AND host_id = :hid""")
        .bind("to", id)
        .bind("c", connectionId)
        .bind("hid", hostId)
        .execute();
    move(h, agentId, id, connectionId);
    Agent created = require(h, id, null);
    audit.record(
        h,
        actorId,
        "agent.unlink",
        "agent",
        agentId,
        new Identity(connectionId, null, null, hostId),
        created);
    return created;
  }

  // Moves tickets (of one connection, or all) with their attributions and evaluations.
  private void move(Handle h, String from, String to, String connectionId) {
    String tickets =
        connectionId == null
            ? "SELECT id FROM tickets"
            : "SELECT id FROM tickets WHERE connection_id = :c";
    for (String table : List.of("ticket_agents", "sample_decisions", "self_reviews")) {
      h.createUpdate(
              "DELETE FROM "
                  + table
                  + " WHERE agent_id = :from AND ticket_id IN (SELECT ticket_id FROM "
                  + table
                  + " WHERE agent_id = :to) AND ticket_id IN ("
                  + tickets
                  + ")")
          .bind("from", from)
          .bind("to", to)
          .bind("c", connectionId == null ? "" : connectionId)
          .execute();
      h.createUpdate(
              "UPDATE "
                  + table
                  + " SET agent_id = :to WHERE agent_id = :from AND ticket_id IN ("
                  + tickets
                  + ")")
          .bind("from", from)
          .bind("to", to)
          .bind("c", connectionId == null ? "" : connectionId)
          .execute();
    }
    h.createUpdate(
            "UPDATE tickets SET agent_id = :to WHERE agent_id = :from AND id IN (" + tickets + ")")
        .bind("from", from)
        .bind("to", to)
        .bind("c", connectionId == null ? "" : connectionId)
        .execute();
    List<String> evaluations =
        h.createQuery(
                "SELECT id FROM evaluations WHERE agent_id = :from AND ticket_id IN ("
                    + tickets
                    + ")")
            .bind("from", from)
            .bind("c", connectionId == null ? "" : connectionId)
            .mapTo(String.class)
            .list();
    for (String e : evaluations) {
      h.createUpdate("UPDATE evaluations SET agent_id = :to WHERE id = :id")
          .bind("to", to)
          .bind("id", e)
          .execute();
      recount.accept(h, e);
    }
  }

  private static Agent require(Handle h, String id, String field) {
    return h.createQuery("SELECT * FROM agents WHERE id = :id")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new Agent(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getString("email"),
                    rs.getString("team_id"),
                    rs.getInt("active") == 1,
                    java.time.Instant.ofEpochMilli(rs.getLong("started_at"))))
        .findOne()
        .orElseThrow(
            () ->
                field == null
                    ? new NotFound("agent", id)
                    : Invalid.malformed(field, "no agent '" + id + "'"));
  }
}
