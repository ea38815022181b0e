package io.qccompanion.server.sampling;

import io.qccompanion.server.domain.Json;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.store.Ids;
import io.qccompanion.server.testing.TestApp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Inserts teams, agents, tickets and evaluations straight into the database for sampling tests. */
final class SamplingFixture {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private final TestApp app;
  private final Database db;
  final String connectionId = Ids.newId();
  private final String scorecardVersionId = Ids.newId();
  private final String graderId = Ids.newId();

  SamplingFixture(TestApp app) {
    this.app = app;
    this.db = app.c().db();
    long now = app.clock().millis();
    db.run(
        h -> {
          h.execute(
              """
              INSERT INTO connections (id, name, host, base_url, auth_kind, secret_enc, closed_statuses,
                options, start_from, interval_seconds, attribution, status, created_at, updated_at)
              VALUES (?, ?, 'zendesk', 'https://acme.zendesk.test', 'TOKEN', 'x', '[]', '{}', 0, 60,
                'ALL_REPLIERS', 'ACTIVE', ?, ?)""",
              connectionId,
              "conn-" + connectionId,
              now,
              now);
          h.execute(
              "INSERT INTO users (id, email, name, role, weekly_capacity, active, created_at)"
                  + " VALUES (?, ?, 'Grader', 'QC', 0, 0, ?)",
              graderId,
              graderId + "@example.test",
              now);
          String scorecard = Ids.newId();
          h.execute(
              "INSERT INTO scorecards (id, name, draft, created_at, updated_at) VALUES (?, 'S', '{}', ?, ?)",
              scorecard,
              now,
              now);
          h.execute(
              "INSERT INTO scorecard_versions (id, scorecard_id, version, definition, published_at)"
                  + " VALUES (?, ?, 1, '{}', ?)",
              scorecardVersionId,
              scorecard,
              now);
        });
  }

  String team() {
    return db.write(h -> app.c().users().createTeam(h, "Team " + SEQ.incrementAndGet()).id());
  }

  String agent(String teamId, Instant startedAt) {
    return db.write(
        h ->
            app.c()
                .users()
                .createAgent(h, "Agent " + SEQ.incrementAndGet(), null, teamId, startedAt)
                .id());
  }

  /** Ticket attributes; null fields take plain values (no trigger fires). */
  record T(
      String subject,
      String channel,
      String csat,
      int reopens,
      Long handleSeconds,
      List<String> tags) {
    static T plain() {
      return new T("Question about my order", "email", "UNOFFERED", 0, 60L, List.of());
    }

    T channel(String c) {
      return new T(subject, c, csat, reopens, handleSeconds, tags);
    }
  }

  /**
   * A ticket solved at {@code solvedAt}, attributed to {@code agentIds} (first is the assignee).
   */
  String ticket(T t, Instant solvedAt, String teamId, String... agentIds) {
    String id = Ids.newId();
    db.run(h -> insertTicket(h, id, t, solvedAt, teamId, agentIds));
    return id;
  }

  /** {@code count} plain tickets of one agent solved one minute apart from {@code first}. */
  List<String> tickets(int count, Instant first, String teamId, String agentId, String channel) {
    return db.write(
        h -> {
          var ids = new java.util.ArrayList<String>();
          for (int i = 0; i < count; i++) {
            String id = Ids.newId();
            insertTicket(
                h, id, T.plain().channel(channel), first.plusSeconds(60L * i), teamId, agentId);
            ids.add(id);
          }
          return ids;
        });
  }

  private void insertTicket(
      org.jdbi.v3.core.Handle h,
      String id,
      T t,
      Instant solvedAt,
      String teamId,
      String... agents) {
    int n = SEQ.incrementAndGet();
    h.execute(
        """
        INSERT INTO tickets (id, connection_id, host, external_id, ticket_key, subject, status, channel,
          agent_id, team_id, updated_at, solved_at, reopen_count, handle_time_seconds, csat_rating,
          payload, ingested_at)
        VALUES (?, ?, 'zendesk', ?, ?, ?, 'solved', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id,
        connectionId,
        "ext-" + n,
        "#" + n,
        t.subject(),
        t.channel(),
        agents[0],
        teamId,
        solvedAt.toEpochMilli(),
        solvedAt.toEpochMilli(),
        t.reopens(),
        t.handleSeconds(),
        t.csat(),
        Json.write(Map.of("tags", t.tags())),
        solvedAt.toEpochMilli());
    for (String a : agents)
      h.execute("INSERT INTO ticket_agents (ticket_id, agent_id) VALUES (?, ?)", id, a);
  }

  /** A submitted regular evaluation of the agent. */
  void evaluation(
      String agentId, String teamId, double score, boolean critical, Instant submittedAt) {
    db.run(
        h -> {
          String ticket = Ids.newId();
          insertTicket(h, ticket, T.plain(), submittedAt.minusSeconds(3600), teamId, agentId);
          h.execute("DELETE FROM ticket_agents WHERE ticket_id = ?", ticket);
          h.execute("UPDATE tickets SET solved_at = NULL, agent_id = NULL WHERE id = ?", ticket);
          h.execute(
              """
              INSERT INTO evaluations (id, ticket_id, agent_id, team_id, scorecard_version_id, qc_id, kind,
                status, score, passed, critical_fail, answers, created_at, updated_at, submitted_at)
              VALUES (?, ?, ?, ?, ?, ?, 'REGULAR', 'SUBMITTED', ?, ?, ?, '[]', ?, ?, ?)""",
              Ids.newId(),
              ticket,
              agentId,
              teamId,
              scorecardVersionId,
              graderId,
              score,
              score >= 90 ? 1 : 0,
              critical ? 1 : 0,
              submittedAt.toEpochMilli(),
              submittedAt.toEpochMilli(),
              submittedAt.toEpochMilli());
        });
  }

  /** Sets a user's weekly capacity. */
  void capacity(String userId, int capacity) {
    db.run(h -> h.execute("UPDATE users SET weekly_capacity = ? WHERE id = ?", capacity, userId));
  }
}
