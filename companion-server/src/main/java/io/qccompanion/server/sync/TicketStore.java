package io.qccompanion.server.sync;

import io.qccompanion.model.HostTeam;
import io.qccompanion.model.HostUser;
import io.qccompanion.model.Page;
import io.qccompanion.model.Ticket;
import io.qccompanion.server.connections.Connection;
import io.qccompanion.server.conversations.Conversations;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.users.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Upserts a page of host tickets inside the caller's transaction: links host users and groups to
 * companion agents and teams (creating them on first sight), attributes each ticket to agents by
 * the connection's rule, and skips tickets whose version is already stored. Conversations go to
 * {@link Conversations}, bounded per ticket.
 */
final class TicketStore {
  private final UserDirectory users;
  private final Clock clock;

  private final Conversations conversations;

  public TicketStore(UserDirectory users, Clock clock) {
    this.users = users;
    this.clock = clock;
    this.conversations = new Conversations(clock);
  }

  /** Stores {@code page}; returns the ids of tickets that were new or changed. */
  public List<String> store(Handle h, Connection connection, Page page) {
    var resolver = new Resolver(h, connection, page);
    var limits = Conversations.Limits.of(connection.options());
    List<String> changed = new ArrayList<>();
    for (Ticket ticket : page.tickets()) {
      Optional<Existing> existing = existing(h, connection.id(), ticket.externalId());
      if (existing.isPresent() && existing.get().updatedAt() == ticket.updatedAt().toEpochMilli())
        continue;
      String teamId = ticket.teamId() == null ? null : resolver.team(ticket.teamId());
      List<String> agentIds = new ArrayList<>();
      for (String hostId : attributed(ticket, connection.attribution()))
        agentIds.add(resolver.agent(hostId, teamId, ticket.createdAt()));
      String id = existing.map(Existing::id).orElseGet(Ids::newId);
      upsert(h, id, connection.id(), ticket, agentIds.isEmpty() ? null : agentIds.get(0), teamId);
      h.createUpdate("DELETE FROM ticket_agents WHERE ticket_id = ?").bind(0, id).execute();
      for (String agentId : new LinkedHashSet<>(agentIds))
        h.createUpdate("INSERT INTO ticket_agents (ticket_id, agent_id) VALUES (?, ?)")
            .bind(0, id)
            .bind(1, agentId)
            .execute();
      changed.add(id);
      conversations.store(h, connection.id(), ticket.externalId(), ticket.conversation(), limits);
    }
    page.conversations()
        .forEach(
            (ticket, messages) ->
                conversations.store(h, connection.id(), ticket, messages, limits));
    conversations.purgeOrphans(h, connection.id(), limits);
    return changed;
  }

  static List<String> attributed(Ticket t, Connection.Attribution rule) {
    return switch (rule) {
      case ASSIGNEE_AT_SOLVE ->
          first(t.assigneeAtSolveId() != null ? t.assigneeAtSolveId() : t.assigneeId());
      case LAST_ASSIGNEE -> first(t.assigneeId());
      case ALL_REPLIERS -> {
        var all = new LinkedHashSet<>(t.replierIds());
        if (all.isEmpty() && t.assigneeId() != null) all.add(t.assigneeId());
        yield List.copyOf(all);
      }
    };
  }

  private static List<String> first(String id) {
    return id == null ? List.of() : List.of(id);
  }

  private record Existing(String id, long updatedAt) {}

  private static Optional<Existing> existing(Handle h, String connectionId, String externalId) {
    return h.createQuery(
            "SELECT id, updated_at FROM tickets WHERE connection_id = ? AND external_id = ?")
        .bind(0, connectionId)
        .bind(1, externalId)
        .map((rs, ctx) -> new Existing(rs.getString(1), rs.getLong(2)))
        .findOne();
  }

  private void upsert(
      Handle h, String id, String connectionId, Ticket t, String agentId, String teamId) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("tags", t.tags());
    payload.put("requesterId", t.requesterId());
    payload.put("assigneeId", t.assigneeId());
    payload.put("assigneeAtSolveId", t.assigneeAtSolveId());
    payload.put("replierIds", t.replierIds());
    payload.put("customFields", t.customFields());
    h.createUpdate(
            """
            INSERT INTO tickets (id, connection_id, host, external_id, ticket_key, subject, status, channel,
              priority, agent_id, team_id, created_at, updated_at, solved_at, reopen_count, reply_count,
              handle_time_seconds, first_reply_minutes, resolution_minutes, csat_rating, csat_score,
              csat_comment, url, payload, ingested_at)
            VALUES (:id, :connection, :host, :externalId, :key, :subject, :status, :channel, :priority,
              :agent, :team, :created, :updated, :solved, :reopens, :replies, :handle, :firstReply,
              :resolution, :csat, :csatScore, :csatComment, :url, :payload, :now)
            ON CONFLICT (connection_id, external_id) DO UPDATE SET
              ticket_key = excluded.ticket_key, subject = excluded.subject, status = excluded.status,
              channel = excluded.channel, priority = excluded.priority, agent_id = excluded.agent_id,
              team_id = excluded.team_id, updated_at = excluded.updated_at, solved_at = excluded.solved_at,
              reopen_count = excluded.reopen_count, reply_count = excluded.reply_count,
              handle_time_seconds = excluded.handle_time_seconds,
              first_reply_minutes = excluded.first_reply_minutes,
              resolution_minutes = excluded.resolution_minutes, csat_rating = excluded.csat_rating,
              csat_score = excluded.csat_score, csat_comment = excluded.csat_comment, url = excluded.url,
              payload = excluded.payload, ingested_at = excluded.ingested_at""")
        .bind("id", id)
        .bind("connection", connectionId)
        .bind("host", t.host().id())
        .bind("externalId", t.externalId())
        .bind("key", t.key())
        .bind("subject", t.subject())
        .bind("status", t.status())
        .bind("channel", t.channel())
        .bind("priority", t.priority())
        .bind("agent", agentId)
        .bind("team", teamId)
        .bind("created", millis(t.createdAt()))
        .bind("updated", t.updatedAt().toEpochMilli())
        .bind("solved", millis(t.solvedAt()))
        .bind("reopens", t.reopenCount())
        .bind("replies", t.replyCount())
        .bind("handle", t.handleTimeSeconds())
        .bind("firstReply", t.firstReplyMinutes())
        .bind("resolution", t.resolutionMinutes())
        .bind("csat", t.csat().rating().name())
        .bind("csatScore", t.csat().score())
        .bind("csatComment", t.csat().comment())
        .bind("url", t.url())
        .bind("payload", Json.write(payload))
        .bind("now", clock.millis())
        .execute();
  }

  private static Long millis(Instant i) {
    return i == null ? null : i.toEpochMilli();
  }

  /** Resolves host ids of one page to local ids, creating agents and teams on first sight. */
  private final class Resolver {
    private final Handle h;
    private final Connection connection;
    private final Map<String, HostUser> hostUsers = new HashMap<>();
    private final Map<String, HostTeam> hostTeams = new HashMap<>();
    private final Map<String, String> agents = new HashMap<>();
    private final Map<String, String> teams = new HashMap<>();

    Resolver(Handle h, Connection connection, Page page) {
      this.h = h;
      this.connection = connection;
      page.users().forEach(u -> hostUsers.put(u.id(), u));
      page.teams().forEach(t -> hostTeams.put(t.id(), t));
    }

    String team(String hostId) {
      return teams.computeIfAbsent(
          hostId,
          id ->
              users
                  .linked(h, connection.id(), UserDirectory.TEAM, id)
                  .orElseGet(
                      () -> {
                        HostTeam ht = hostTeams.get(id);
                        String name = ht != null && ht.name() != null ? ht.name() : "Team " + id;
                        String local =
                            users
                                .teamByName(h, name)
                                .orElseGet(() -> users.createTeam(h, name))
                                .id();
                        users.link(h, connection.id(), UserDirectory.TEAM, id, local);
                        return local;
                      }));
    }

    String agent(String hostId, String teamId, Instant firstSeen) {
      return agents.computeIfAbsent(
          hostId,
          id ->
              users
                  .linked(h, connection.id(), UserDirectory.AGENT, id)
                  .orElseGet(
                      () -> {
                        HostUser hu = hostUsers.get(id);
                        String name = hu != null && hu.name() != null ? hu.name() : "Agent " + id;
                        String email = hu == null ? null : hu.email();
                        String local =
                            users
                                .agentByEmail(h, email)
                                .orElseGet(
                                    () ->
                                        users
                                            .createAgent(
                                                h,
                                                name,
                                                email,
                                                teamId,
                                                firstSeen == null ? clock.instant() : firstSeen)
                                            .id());
                        users.link(h, connection.id(), UserDirectory.AGENT, id, local);
                        return local;
                      }));
    }
  }
}
