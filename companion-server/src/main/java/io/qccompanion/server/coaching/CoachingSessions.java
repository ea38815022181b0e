package io.qccompanion.server.coaching;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.domain.Forbidden;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** GROW coaching sessions linked to evaluations, acknowledged by the agent. */
final class CoachingSessions {
  private final Clock clock;
  private final AuditLog audit;

  public CoachingSessions(Clock clock, AuditLog audit) {
    this.clock = clock;
    this.audit = audit;
  }

  /** A session: Goal, Reality, Options, Way forward. */
  public record Session(
      String id,
      String agentId,
      String teamId,
      String coachId,
      String coachName,
      List<String> evaluationIds,
      List<String> evaluationTickets,
      String goal,
      String reality,
      String options,
      String wayForward,
      Instant heldAt,
      Instant acknowledgedAt) {}

  /** What the coach records. */
  public record Draft(
      String agentId,
      List<String> evaluationIds,
      String goal,
      String reality,
      String options,
      String wayForward,
      Instant heldAt) {}

  /** The criteria of the agent's scorecard by name, with the agent's recent pass rate on each. */
  CoachingCriteria.Answer criteria(Handle h, String agentId) {
    return new CoachingCriteria().forAgent(h, agentId, clock.millis());
  }

  /** Records a held session. */
  public Session create(Handle h, String coachId, Draft d) {
    String agentId = Fields.required(d.agentId(), "/agentId");
    String teamId =
        h.createQuery("SELECT team_id FROM agents WHERE id = :id")
            .bind("id", agentId)
            .mapTo(String.class)
            .findOne()
            .orElseThrow(() -> Invalid.malformed("/agentId", "no agent '" + agentId + "'"));
    List<String> evaluations = d.evaluationIds() == null ? List.of() : d.evaluationIds();
    for (int i = 0; i < evaluations.size(); i++) {
      String owner =
          h.createQuery("SELECT agent_id FROM evaluations WHERE id = :id AND kind = 'REGULAR'")
              .bind("id", evaluations.get(i))
              .mapTo(String.class)
              .findOne()
              .orElse(null);
      if (!agentId.equals(owner))
        throw Invalid.malformed(
            "/evaluationIds/" + i, "no evaluation '" + evaluations.get(i) + "' of this agent");
    }
    String id = Ids.newId();
    Instant now = clock.instant();
    h.createUpdate(
            """
            INSERT INTO coaching_sessions (id, agent_id, team_id, coach_id, evaluation_ids, goal,
              reality, options, way_forward, held_at, created_at)
            VALUES (:id, :agent, :team, :coach, :evals, :goal, :reality, :options, :way, :held, :now)
            """)
        .bind("id", id)
        .bind("agent", agentId)
        .bind("team", teamId)
        .bind("coach", coachId)
        .bind("evals", Json.write(evaluations))
        .bind("goal", Fields.required(d.goal(), "/goal"))
        .bind("reality", d.reality())
        .bind("options", d.options())
        .bind("way", Fields.required(d.wayForward(), "/wayForward"))
        .bind("held", (d.heldAt() == null ? now : d.heldAt()).toEpochMilli())
        .bind("now", now.toEpochMilli())
        .execute();
    Session s = require(h, id);
    audit.record(h, coachId, "coaching.create", "coaching_session", id, null, s);
    return s;
  }

  /** The agent confirms the session and its way forward. */
  public Session acknowledge(Handle h, Principal p, String id) {
    Session before = require(h, id);
    if (p.role() != Role.AGENT || !before.agentId().equals(p.agentId()))
      throw new Forbidden("only the coached agent may acknowledge this session");
    if (before.acknowledgedAt() != null) return before;
    h.createUpdate("UPDATE coaching_sessions SET acknowledged_at = :now WHERE id = :id")
        .bind("now", clock.millis())
        .bind("id", id)
        .execute();
    Session after = require(h, id);
    audit.record(h, p.userId(), "coaching.acknowledge", "coaching_session", id, before, after);
    return after;
  }

  /** The session, or 404. */
  public Session require(Handle h, String id) {
    return query(h, " WHERE id = :id", Map.of("id", id)).stream()
        .findFirst()
        .orElseThrow(() -> new NotFound("coaching session", id));
  }

  /** Sessions of one agent (null = all), newest first. */
  public List<Session> list(Handle h, String agentId) {
    return agentId == null
        ? query(h, "", Map.of())
        : query(h, " WHERE agent_id = :agent", Map.of("agent", agentId));
  }

  // the ticket key of each evaluation discussed, in order ("—" once retention removed it)
  private static List<String> tickets(Handle h, List<String> evaluations) {
    List<String> keys = new java.util.ArrayList<>();
    for (String id : evaluations)
      keys.add(
          h.createQuery(
                  "SELECT COALESCE(t.ticket_key, t.external_id) FROM evaluations e"
                      + " JOIN tickets t ON t.id = e.ticket_id WHERE e.id = :id")
              .bind("id", id)
              .mapTo(String.class)
              .findOne()
              .orElse("—"));
    return keys;
  }

  private static List<Session> query(Handle h, String where, Map<String, Object> binds) {
    return h.createQuery(
            "SELECT id, agent_id, team_id, coach_id, evaluation_ids, goal, reality, options,"
                + " way_forward, held_at, acknowledged_at,"
                + " (SELECT u.name FROM users u WHERE u.id = coach_id) AS coach_name"
                + " FROM coaching_sessions"
                + where
                + " ORDER BY held_at DESC, id")
        .bindMap(binds)
        .map(
            (rs, ctx) -> {
              long ack = rs.getLong("acknowledged_at");
              boolean none = rs.wasNull();
              List<String> evaluations =
                  Json.read(
                      rs.getString("evaluation_ids"),
                      new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {});
              return new Session(
                  rs.getString("id"),
                  rs.getString("agent_id"),
                  rs.getString("team_id"),
                  rs.getString("coach_id"),
                  rs.getString("coach_name"),
                  evaluations,
                  tickets(h, evaluations),
                  rs.getString("goal"),
                  rs.getString("reality"),
                  rs.getString("options"),
                  rs.getString("way_forward"),
                  Instant.ofEpochMilli(rs.getLong("held_at")),
                  none ? null : Instant.ofEpochMilli(ack));
            })
        .list();
  }
}
