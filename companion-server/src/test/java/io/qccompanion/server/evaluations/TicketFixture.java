package io.qccompanion.server.evaluations;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.conversations.Conversations;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.scorecards.Criterion;
import io.qccompanion.server.scorecards.Scale;
import io.qccompanion.server.scorecards.ScorecardDraft;
import io.qccompanion.server.scorecards.Section;
import io.qccompanion.server.store.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Inserts teams, agents, connections, tickets and published scorecards straight into the DB. */
public final class TicketFixture {
  private final CompanionApp c;

  public TicketFixture(CompanionApp c) {
    this.c = c;
  }

  public String team(String name) {
    return c.db().write(h -> c.users().createTeam(h, name + " " + Ids.newId()).id());
  }

  public String agent(String name, String teamId) {
    return c.db()
        .write(
            h ->
                c.users()
                    .createAgent(h, name, null, teamId, Instant.parse("2026-01-01T00:00:00Z"))
                    .id());
  }

  public String connection() {
    String id = Ids.newId();
    c.db()
        .run(
            h ->
                h.createUpdate(
                        """
                        INSERT INTO connections (id, name, host, base_url, auth_kind, secret_enc,
                          closed_statuses, options, start_from, interval_seconds, attribution,
                          status, created_at, updated_at)
                        VALUES (?, ?, 'zendesk', 'https://acme.zendesk.test', 'TOKEN', 'x', '[]',
                          '{}', 0, 300, 'ASSIGNEE', 'ACTIVE', 0, 0)
                        """)
                    .bind(0, id)
                    .bind(1, "conn-" + id)
                    .execute());
    return id;
  }

  /** A solved ticket of {@code agentId} in {@code teamId}. */
  public String ticket(
      String connectionId, String agentId, String teamId, String channel, String... tags) {
    String id = Ids.newId();
    String external = String.valueOf(Math.abs(id.hashCode()));
    c.db()
        .run(
            h ->
                h.createUpdate(
                        """
                        INSERT INTO tickets (id, connection_id, host, external_id, ticket_key, subject,
                          status, channel, agent_id, team_id, updated_at, solved_at, csat_rating, url,
                          payload, ingested_at)
                        VALUES (:id, :conn, 'zendesk', :ext, :key, 'Refund not received', 'solved',
                          :channel, :agent, :team, 0, 0, 'UNOFFERED', :url, :payload, 0)
                        """)
                    .bind("id", id)
                    .bind("conn", connectionId)
                    .bind("ext", external)
                    .bind("key", "#" + external)
                    .bind("channel", channel)
                    .bind("agent", agentId)
                    .bind("team", teamId)
                    .bind("url", "https://acme.zendesk.test/agent/tickets/" + external)
                    .bind("payload", Json.write(Map.of("tags", List.of(tags))))
                    .execute());
    return id;
  }

  /** Stores {@code messages} as the ticket's conversation, as the sync does. */
  public void conversation(String ticketId, List<io.qccompanion.model.Message> messages) {
    c.db()
        .run(
            h -> {
              var t =
                  h.createQuery("SELECT connection_id, external_id FROM tickets WHERE id = ?")
                      .bind(0, ticketId)
                      .mapToMap()
                      .one();
              new Conversations(c.clock())
                  .store(
                      h,
                      (String) t.get("connection_id"),
                      (String) t.get("external_id"),
                      messages,
                      Conversations.Limits.DEFAULT);
            });
  }

  /**
   * Publishes a scorecard with criteria {@code greeting} (binary, weight 1), {@code accuracy}
   * (binary, weight 3, root causes kb/process), {@code tone} (1-5, N/A allowed) and {@code privacy}
   * (binary, critical); returns the version id.
   */
  public String scorecard(String teamId, boolean isDefault) {
    var draft =
        new ScorecardDraft(
            "Support QA",
            null,
            teamId,
            null,
            null,
            isDefault,
            90.0,
            List.of(
                new Section(
                    "Communication",
                    List.of(
                        criterion("greeting", Scale.BINARY, 1, false, false, List.of()),
                        criterion("tone", Scale.ONE_TO_FIVE, 1, true, false, List.of()))),
                new Section(
                    "Resolution",
                    List.of(
                        criterion(
                            "accuracy", Scale.BINARY, 3, false, false, List.of("kb", "process")),
                        criterion("privacy", Scale.BINARY, 1, false, true, List.of())))));
    return c.db()
        .write(
            h -> {
              var card = c.scorecards().create(h, draft, null);
              return c.scorecards().publish(h, card.id(), null).id();
            });
  }

  private static Criterion criterion(
      String id, Scale scale, double weight, boolean na, boolean critical, List<String> causes) {
    return new Criterion(
        id, id, "how to judge " + id, scale, null, weight, na, critical, false, causes);
  }

  /** Full answers: everything right except {@code accuracy}, which failed for "kb". */
  public static Map<String, Object> answersWithAccuracyFailed() {
    return Map.of(
        "greeting", Map.of("value", 1),
        "tone", Map.of("value", 5),
        "accuracy", Map.of("value", 0, "rootCauses", List.of("kb"), "comment", "wrong macro"),
        "privacy", Map.of("value", 1));
  }
}
