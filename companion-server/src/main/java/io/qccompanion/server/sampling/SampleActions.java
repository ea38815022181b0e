package io.qccompanion.server.sampling;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Forbidden;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** What QCs do to samples by hand: select a ticket (MANUAL) and replace one not worth grading. */
final class SampleActions {
  private final Clock clock;
  private final SamplingPolicies policies;
  private final CompetencyTiers tiers;
  private final AuditLog audit;

  SampleActions(Clock clock, SamplingPolicies policies, CompetencyTiers tiers, AuditLog audit) {
    this.clock = clock;
    this.policies = policies;
    this.tiers = tiers;
    this.audit = audit;
  }

  /**
   * Selects {@code ticketId} for {@code agentId} (null: the ticket's only agent), assigned to the
   * caller.
   */
  Sample manual(Handle h, Principal p, String ticketId, String agentId) {
    List<Candidate> pairs =
        Candidates.all(h, ticketId).stream()
            .filter(c -> agentId == null || c.agentId().equals(agentId))
            .toList();
    boolean exists =
        h.createQuery("SELECT COUNT(*) FROM tickets WHERE id = :id")
                .bind("id", ticketId)
                .mapTo(Integer.class)
                .one()
            > 0;
    if (!exists) throw new NotFound("ticket", ticketId);
    if (pairs.isEmpty() && agentId != null)
      throw Invalid.malformed("/agentId", "the ticket is not attributed to agent " + agentId);
    if (pairs.isEmpty())
      throw Invalid.unprocessable(
          "/ticketId",
          "this ticket has no agent: the host reported no assignee when it was solved, so a grade"
              + " could count for nobody. Assign it on the host and sync the connection again (or"
              + " change the connection's attribution rule), then sample it");
    if (pairs.size() > 1)
      throw Invalid.malformed("/agentId", "the ticket has several agents: name one in agentId");
    Candidate c = pairs.get(0);
    if (!p.seesTeam(c.teamId())) throw new NotFound("ticket", ticketId);
    String ownAgent = ownAgent(h, p.userId());
    if (ownAgent != null
        && Candidates.all(h, ticketId).stream().anyMatch(x -> x.agentId().equals(ownAgent)))
      throw new Forbidden("a QC never grades their own ticket");
    Instant now = clock.instant();
    var policy = policies.effective(h, c.teamId());
    long due = Weeks.plusBusinessDays(now, policy.config().dueBusinessDays()).toEpochMilli();
    var existing =
        h.createQuery(
                "SELECT id, status FROM sample_decisions WHERE ticket_id = :t AND agent_id = :a")
            .bind("t", c.ticketId())
            .bind("a", c.agentId())
            .mapToMap()
            .findOne();
    String id;
    if (existing.isPresent()) {
      if (!SampleStatus.SKIPPED.equals(existing.get().get("status")))
        throw new Conflict("the ticket is already sampled for this agent");
      id = (String) existing.get().get("id");
      h.createUpdate(
              """
              UPDATE sample_decisions SET selected = 1, status = 'OPEN', reasons = :reasons,
                assigned_qc_id = :qc, due_at = :due, decided_at = :now WHERE id = :id""")
          .bind("reasons", Json.write(List.of(Selection.MANUAL)))
          .bind("qc", p.userId())
          .bind("due", due)
          .bind("now", now.toEpochMilli())
          .bind("id", id)
          .execute();
    } else {
      id = Ids.newId();
      Instant week = Weeks.start(c.solvedAt());
      h.createUpdate(
              """
              INSERT INTO sample_decisions (id, ticket_id, agent_id, team_id, selected, tier, reasons,
                stratum, assigned_qc_id, due_at, status, week_start, decided_at, policy_id, draw)
              VALUES (:id, :ticket, :agent, :team, 1, :tier, :reasons, :stratum, :qc, :due, 'OPEN',
                :week, :now, :policy, :draw)""")
          .bind("id", id)
          .bind("ticket", c.ticketId())
          .bind("agent", c.agentId())
          .bind("team", c.teamId())
          .bind("tier", tiers.assess(h, c.agentId(), policy.config().tiers()).tier().name())
          .bind("reasons", Json.write(List.of(Selection.MANUAL)))
          .bind("stratum", Selection.stratum(c.agentId(), week, c.channel()))
          .bind("qc", p.userId())
          .bind("due", due)
          .bind("week", week.toEpochMilli())
          .bind("now", now.toEpochMilli())
          .bind("policy", policy.id())
          .bind("draw", Draw.of(policy.config().seed(), c.ticketId()))
          .execute();
    }
    Sample sample = SampleQueries.byId(h, id).orElseThrow();
    audit.record(h, p.userId(), "sample.manual", "sample_decision", id, null, sample);
    return sample;
  }

  /**
   * Both sides of a replacement; {@code substitute} is null when the stratum had no ticket left.
   */
  record Replacement(Sample replaced, Sample substitute) {}

  /**
   * Marks sample {@code id} REPLACED and selects a substitute from its stratum (same agent and
   * week, same channel first).
   */
  Replacement replace(Handle h, Principal p, String id, String reason) {
    Sample original =
        SampleQueries.byId(h, id)
            .filter(s -> p.seesTeam(s.teamId()))
            .orElseThrow(() -> new NotFound("sample", id));
    if (!p.is(Role.ADMIN, Role.QC_LEAD) && !p.userId().equals(original.assignedQcId()))
      throw new Forbidden("only the assigned QC or a QC lead can replace this sample");
    boolean open =
        h.createQuery(
                    "SELECT COUNT(*) FROM sample_decisions d WHERE d.id = :id AND "
                        + SampleStatus.OPEN_WORK)
                .bind("id", id)
                .mapTo(Integer.class)
                .one()
            == 1;
    if (!open)
      throw new Conflict(
          "only an open, ungraded sample can be replaced (status " + original.status() + ")");
    Instant now = clock.instant();
    String substituteId =
        h.createQuery(
                """
                SELECT id FROM sample_decisions
                WHERE agent_id = :agent AND week_start = :week AND status = 'SKIPPED'
                ORDER BY CASE WHEN stratum = :stratum THEN 0 ELSE 1 END, draw, id LIMIT 1""")
            .bind("agent", original.agentId())
            .bind("week", original.weekStart().toEpochMilli())
            .bind("stratum", original.stratum())
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    if (substituteId != null)
      h.createUpdate(
              """
              UPDATE sample_decisions SET selected = 1, status = 'OPEN', reasons = :reasons,
                assigned_qc_id = :qc, due_at = :due, decided_at = :now WHERE id = :id""")
          .bind("reasons", Json.write(List.of(Selection.REPLACEMENT)))
          .bind("qc", original.assignedQcId() == null ? p.userId() : original.assignedQcId())
          .bind("due", original.dueAt() == null ? null : original.dueAt().toEpochMilli())
          .bind("now", now.toEpochMilli())
          .bind("id", substituteId)
          .execute();
    h.createUpdate(
            "UPDATE sample_decisions SET status = 'REPLACED', replaced_by = :sub, replace_reason = :reason WHERE id = :id")
        .bind("sub", substituteId)
        .bind("reason", reason)
        .bind("id", id)
        .execute();
    String policyId =
        h.createQuery("SELECT policy_id FROM sample_decisions WHERE id = :id")
            .bind("id", id)
            .mapTo(String.class)
            .one();
    h.createUpdate(
            """
            INSERT INTO sample_replacements (id, decision_id, substitute_id, policy_id, team_id, agent_id,
              reason, replaced_by, at)
            VALUES (:id, :decision, :sub, :policy, :team, :agent, :reason, :by, :at)""")
        .bind("id", Ids.newId())
        .bind("decision", id)
        .bind("sub", substituteId)
        .bind("policy", policyId)
        .bind("team", original.teamId())
        .bind("agent", original.agentId())
        .bind("reason", normalise(reason))
        .bind("by", p.userId())
        .bind("at", now.toEpochMilli())
        .execute();
    var result =
        new Replacement(
            SampleQueries.byId(h, id).orElseThrow(),
            substituteId == null ? null : SampleQueries.byId(h, substituteId).orElseThrow());
    audit.record(h, p.userId(), "sample.replace", "sample_decision", id, original, result);
    return result;
  }

  /** Reasons are grouped case- and space-insensitively in the statistics. */
  static String normalise(String reason) {
    return reason.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String ownAgent(Handle h, String userId) {
    return h
        .createQuery("SELECT agent_id FROM users WHERE id = :id")
        .bind("id", userId)
        .mapTo(String.class)
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
