package io.qccompanion.server.coaching;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.domain.Forbidden;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.evaluations.Evaluation;
import io.qccompanion.server.evaluations.EvaluationGateway;
import io.qccompanion.server.scorecards.ScorecardSelector;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Agent self-review: the agent scores their own ticket on the same scorecard before the QC's grade
 * exists; afterwards the gap between self and QC is reported per criterion.
 */
final class SelfReviews {
  private final Clock clock;
  private final AuditLog audit;
  private final EvaluationGateway evaluations;

  private final ScorecardSelector selector;

  public SelfReviews(
      Clock clock, AuditLog audit, EvaluationGateway evaluations, ScorecardSelector selector) {
    this.selector = selector;
    this.clock = clock;
    this.audit = audit;
    this.evaluations = evaluations;
  }

  /** What the agent sends. */
  public record Draft(String ticketId, String scorecardVersionId, Map<String, Answer> answers) {}

  /**
   * The scorecard the agent reviews {@code ticketId} with: the one the selection rules pick for the
   * ticket, as a QC would get it.
   */
  public Map<String, Object> scorecardFor(Handle h, Principal p, String ticketId) {
    requireOwnTicket(h, p, ticketId);
    EvaluationGateway.TicketRouting t = evaluations.routing(h, ticketId).orElseThrow();
    String versionId =
        selector
            .forTicket(h, t.teamId(), t.channel(), t.tags())
            .orElseThrow(
                () ->
                    Invalid.unprocessable(
                        "/ticketId", "no published scorecard matches this ticket"))
            .scorecardVersionId();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scorecardVersionId", versionId);
    out.put("definition", evaluations.definition(h, versionId, "/scorecardVersionId"));
    return out;
  }

  /** The agent's recent tickets no QC has graded and they have not reviewed yet, newest first. */
  public java.util.List<Map<String, Object>> candidates(Handle h, Principal p) {
    if (p.role() != Role.AGENT || p.agentId() == null)
      throw new Forbidden("only agents review their own tickets");
    return h.createQuery(
            """
            SELECT t.id, COALESCE(t.ticket_key, t.external_id) AS ticket_key, t.subject, t.channel,
              t.solved_at
            FROM tickets t
            WHERE t.agent_id = :a
              AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.ticket_id = t.id
                AND e.kind = 'REGULAR' AND e.status <> 'DRAFT')
              AND NOT EXISTS (SELECT 1 FROM self_reviews r WHERE r.ticket_id = t.id)
            ORDER BY t.solved_at DESC, t.id LIMIT 20
            """)
        .bind("a", p.agentId())
        .mapToMap()
        .list();
  }

  private void requireOwnTicket(Handle h, Principal p, String ticketId) {
    if (p.role() != Role.AGENT || p.agentId() == null)
      throw new Forbidden("only agents review their own tickets");
    int own =
        h.createQuery(
                """
                SELECT COUNT(*) FROM tickets t WHERE t.id = :t AND (t.agent_id = :a OR EXISTS
                  (SELECT 1 FROM ticket_agents x WHERE x.ticket_id = t.id AND x.agent_id = :a))
                """)
            .bind("t", ticketId)
            .bind("a", p.agentId())
            .mapTo(Integer.class)
            .one();
    if (own == 0) throw Invalid.malformed("/ticketId", "no ticket '" + ticketId + "' of yours");
  }

  /**
   * Saves the agent's self-review (against the scorecard chosen for the ticket unless one is
   * named); 409 once a QC has submitted a grade of the ticket.
   */
  public Map<String, Object> create(Handle h, Principal p, Draft d) {
    if (p.role() != Role.AGENT || p.agentId() == null)
      throw new Forbidden("only agents review their own tickets");
    String ticketId = Fields.required(d.ticketId(), "/ticketId");
    requireOwnTicket(h, p, ticketId);
    if (qcEvaluationId(h, ticketId) != null)
      throw new Conflict("a QC already graded this ticket; self-review comes first");
    String versionId =
        d.scorecardVersionId() != null
            ? d.scorecardVersionId()
            : (String) scorecardFor(h, p, ticketId).get("scorecardVersionId");
    var def = evaluations.definition(h, versionId, "/scorecardVersionId");
    Map<String, Answer> answers = d.answers() == null ? Map.of() : d.answers();
    Double score = evaluations.score(def, answers).score();
    String id = Ids.newId();
    int inserted =
        h.createUpdate(
                """
                INSERT INTO self_reviews (id, ticket_id, agent_id, scorecard_version_id, answers, score, created_at)
                VALUES (:id, :t, :a, :v, :answers, :score, :now)
                ON CONFLICT (ticket_id, agent_id) DO NOTHING
                """)
            .bind("id", id)
            .bind("t", ticketId)
            .bind("a", p.agentId())
            .bind("v", versionId)
            .bind("answers", Json.write(answers))
            .bind("score", score)
            .bind("now", clock.millis())
            .execute();
    if (inserted == 0) throw new Conflict("you already reviewed this ticket");
    Map<String, Object> saved = Map.of("id", id, "ticketId", ticketId, "score", score);
    audit.record(h, p.userId(), "self_review.create", "self_review", id, null, saved);
    return gap(h, p, id);
  }

  /** The self-review with the QC's grade and the gap (self minus QC), once the QC has graded. */
  public Map<String, Object> gap(Handle h, Principal p, String id) {
    var row =
        h.createQuery("SELECT ticket_id, agent_id, answers, score FROM self_reviews WHERE id = :id")
            .bind("id", id)
            .mapToMap()
            .findOne()
            .orElseThrow(() -> new NotFound("self-review", id));
    String agentId = (String) row.get("agent_id");
    if (!visible(h, p, agentId, (String) row.get("ticket_id")))
      throw new NotFound("self-review", id);
    Map<String, Answer> self =
        Json.read(
            (String) row.get("answers"),
            new com.fasterxml.jackson.core.type.TypeReference<Map<String, Answer>>() {});
    Double selfScore = row.get("score") == null ? null : ((Number) row.get("score")).doubleValue();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("ticketId", row.get("ticket_id"));
    out.put("agentId", agentId);
    out.put("selfScore", selfScore);
    String qcId = qcEvaluationId(h, (String) row.get("ticket_id"));
    if (qcId == null) return out;
    Evaluation qc = evaluations.require(h, qcId);
    out.put("evaluationId", qc.id());
    out.put("qcScore", qc.score());
    out.put("gap", selfScore == null || qc.score() == null ? null : selfScore - qc.score());
    Map<String, Map<String, Double>> criteria = new TreeMap<>();
    self.forEach(
        (c, a) -> {
          Answer q = qc.answers().get(c);
          Map<String, Double> pair = new LinkedHashMap<>();
          pair.put("self", a.value());
          pair.put("qc", q == null ? null : q.value());
          criteria.put(c, pair);
        });
    out.put("criteria", criteria);
    return out;
  }

  /**
   * Agents see their own; staff only in their team scope; a QC only once they have submitted their
   * own grade of the ticket, so the agent's view cannot bias a blind grade.
   */
  private static boolean visible(Handle h, Principal p, String agentId, String ticketId) {
    if (p.role() == Role.AGENT) return agentId.equals(p.agentId());
    String team =
        h.createQuery("SELECT team_id FROM agents WHERE id = :id")
            .bind("id", agentId)
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    if (!p.seesTeam(team)) return false;
    if (p.role() != Role.QC) return true;
    return h.createQuery(
                "SELECT COUNT(*) FROM evaluations WHERE ticket_id = :t AND qc_id = :me"
                    + " AND kind = 'REGULAR' AND status <> 'DRAFT'")
            .bind("t", ticketId)
            .bind("me", p.userId())
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  private static String qcEvaluationId(Handle h, String ticketId) {
    return h.createQuery(
            """
            SELECT id FROM evaluations WHERE ticket_id = :t AND kind = 'REGULAR' AND status <> 'DRAFT'
            ORDER BY submitted_at DESC, id LIMIT 1
            """)
        .bind("t", ticketId)
        .mapTo(String.class)
        .findOne()
        .orElse(null);
  }
}
