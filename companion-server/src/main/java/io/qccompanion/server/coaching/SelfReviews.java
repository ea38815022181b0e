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
public final class SelfReviews {
  private final Clock clock;
  private final AuditLog audit;
  private final EvaluationGateway evaluations;

  public SelfReviews(Clock clock, AuditLog audit, EvaluationGateway evaluations) {
    this.clock = clock;
    this.audit = audit;
    this.evaluations = evaluations;
  }

  /** What the agent sends. */
  public record Draft(String ticketId, String scorecardVersionId, Map<String, Answer> answers) {}

  /** Saves the agent's self-review; 409 once a QC has submitted a grade of the ticket. */
  public Map<String, Object> create(Handle h, Principal p, Draft d) {
    if (p.role() != Role.AGENT || p.agentId() == null)
      throw new Forbidden("only agents review their own tickets");
    String ticketId = Fields.required(d.ticketId(), "/ticketId");
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
    if (qcEvaluationId(h, ticketId) != null)
      throw new Conflict("a QC already graded this ticket; self-review comes first");
    String versionId = Fields.required(d.scorecardVersionId(), "/scorecardVersionId");
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
    if (p.role() == Role.AGENT && !agentId.equals(p.agentId()))
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
