package io.qccompanion.server.autoqa;

import com.fasterxml.jackson.databind.JsonNode;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Cursor;
import io.qccompanion.server.domain.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Records what the grader did with each AutoQA suggestion when an evaluation revision is submitted
 * (the server compares; the page cannot skip it): OVERRIDDEN when the submitted value differs from
 * the automatic one, else ACCEPTED; HELD_OUT when the evaluation was graded without pre-filled
 * answers ({@link Holdout}: a calibration grade or one of the held-out share), with the automatic
 * value the grader did not see. Who and when are the revision's author and time.
 */
public final class SuggestionOutcomes {
  /** One recorded decision on a suggestion. */
  record Outcome(
      String evaluationId,
      int revision,
      String ticketId,
      String scorecardVersionId,
      String kind,
      String criterionId,
      String check,
      String ruleSetVersion,
      double automaticValue,
      Double humanValue,
      String outcome,
      String decidedBy,
      String decidedByName,
      Instant decidedAt) {}

  private static final double EPS = 1e-9;
  private final Suggestions suggestions;
  private final Holdout holdout;

  SuggestionOutcomes(Suggestions suggestions, Holdout holdout) {
    this.suggestions = suggestions;
    this.holdout = holdout;
  }

  private record Submitted(
      String ticketId, String versionId, String kind, int revision, String answers) {}

  /**
   * An {@code EvaluationListener}: called in the writing transaction whenever an evaluation
   * changes; records the current revision once, and nothing for drafts or unscored tickets.
   */
  public void record(Handle h, String evaluationId) {
    Submitted e =
        h.createQuery(
                """
                SELECT ticket_id, scorecard_version_id, kind, revision, answers FROM evaluations
                WHERE id = ? AND status <> 'DRAFT'""")
            .bind(0, evaluationId)
            .map(
                (rs, ctx) ->
                    new Submitted(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5)))
            .findOne()
            .orElse(null);
    if (e == null || recorded(h, evaluationId, e.revision())) return;
    var found = suggestions.of(h, e.ticketId(), e.versionId());
    if (found.isEmpty()) return;
    Map<String, Object> by =
        h.createQuery(
                """
                SELECT COALESCE(r.created_by, ev.qc_id) AS who,
                  COALESCE(r.created_at, ev.submitted_at, ev.updated_at) AS at
                FROM evaluations ev LEFT JOIN evaluation_revisions r
                  ON r.evaluation_id = ev.id AND r.revision = ev.revision
                WHERE ev.id = ?""")
            .bind(0, evaluationId)
            .mapToMap()
            .one();
    JsonNode answers = Json.read(e.answers(), JsonNode.class);
    boolean prefilled = holdout.withheld(evaluationId, e.kind()) == null;
    for (Suggestions.Suggestion s : found.get().suggestions()) {
      if (s.value() == null) continue; // nothing was pre-filled
      JsonNode a = answers.path(s.criterionId());
      boolean na = a.path("notApplicable").asBoolean(false);
      if (!na && !a.path("value").isNumber()) continue; // not answered
      Double human = na ? null : a.path("value").asDouble();
      boolean overridden = human == null || Math.abs(human - s.value()) > EPS;
      h.createUpdate(
              """
              INSERT INTO autoqa_suggestion_outcomes (evaluation_id, revision, criterion_id,
                ticket_id, scorecard_version_id, kind, check_id, rule_set_version, automatic_value,
                human_value, outcome, decided_by, decided_at)
              VALUES (:e, :rev, :criterion, :ticket, :version, :kind, :check, :rules, :auto,
                :human, :outcome, :by, :at)""")
          .bind("e", evaluationId)
          .bind("rev", e.revision())
          .bind("criterion", s.criterionId())
          .bind("ticket", e.ticketId())
          .bind("version", e.versionId())
          .bind("kind", e.kind())
          .bind("check", s.check())
          .bind("rules", found.get().ruleSetVersion())
          .bind("auto", s.value())
          .bind("human", human)
          .bind("outcome", !prefilled ? "HELD_OUT" : overridden ? "OVERRIDDEN" : "ACCEPTED")
          .bind("by", (String) by.get("who"))
          .bind("at", ((Number) by.get("at")).longValue())
          .execute();
    }
  }

  private static boolean recorded(Handle h, String evaluationId, int revision) {
    return h.createQuery(
                "SELECT COUNT(*) FROM autoqa_suggestion_outcomes WHERE evaluation_id = ? AND revision = ?")
            .bind(0, evaluationId)
            .bind(1, revision)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Filters of the list; null means any. */
  record Query(String evaluationId, String criterionId, String qcId) {}

  /** The keyset id of an outcome for cursor pagination. */
  static String key(Outcome o) {
    return o.evaluationId() + ":" + o.revision() + ":" + o.criterionId();
  }

  private static final String KEY =
      "(o.evaluation_id || ':' || CAST(o.revision AS TEXT) || ':' || o.criterion_id)";

  /**
   * Overrides the caller may see, newest first, one page. A QC sees only their own (blind grading:
   * another grader's human value is not theirs to see); leads, managers and admins see those on
   * regular evaluations of their teams, and calibration grades only their own.
   */
  Cursor.Slice<Outcome> overrides(Handle h, Principal p, Query q, Cursor cursor) {
    boolean lead = p.is(Role.ADMIN, Role.MANAGER, Role.QC_LEAD);
    boolean scoped = lead && p.role() != Role.ADMIN && !p.teamIds().isEmpty();
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT o.*, u.name AS decided_by_name FROM autoqa_suggestion_outcomes o
            JOIN evaluations ev ON ev.id = o.evaluation_id
            LEFT JOIN users u ON u.id = o.decided_by
            WHERE o.outcome = 'OVERRIDDEN'""");
    if (!lead) sql.append(" AND o.decided_by = :me");
    else if (scoped)
      sql.append(" AND (o.decided_by = :me OR (o.kind = 'REGULAR' AND ev.team_id IN (<teams>)))");
    else sql.append(" AND (o.decided_by = :me OR o.kind = 'REGULAR')");
    if (q.evaluationId() != null) sql.append(" AND o.evaluation_id = :evaluation");
    if (q.criterionId() != null) sql.append(" AND o.criterion_id = :criterion");
    if (q.qcId() != null) sql.append(" AND o.decided_by = :qc");
    if (!cursor.first())
      sql.append(" AND (o.decided_at < :at OR (o.decided_at = :at AND " + KEY + " > :key))");
    sql.append(" ORDER BY o.decided_at DESC, " + KEY + " LIMIT :limit");
    var query =
        h.createQuery(sql.toString()).bind("me", p.userId()).bind("limit", cursor.limit() + 1);
    if (scoped) query.bindList("teams", List.copyOf(p.teamIds()));
    if (q.evaluationId() != null) query.bind("evaluation", q.evaluationId());
    if (q.criterionId() != null) query.bind("criterion", q.criterionId());
    if (q.qcId() != null) query.bind("qc", q.qcId());
    if (!cursor.first()) query.bind("at", cursor.sortKey()).bind("key", cursor.id());
    List<Outcome> rows =
        query
            .map(
                (rs, ctx) -> {
                  double human = rs.getDouble("human_value");
                  Double humanValue = rs.wasNull() ? null : human;
                  return new Outcome(
                      rs.getString("evaluation_id"),
                      rs.getInt("revision"),
                      rs.getString("ticket_id"),
                      rs.getString("scorecard_version_id"),
                      rs.getString("kind"),
                      rs.getString("criterion_id"),
                      rs.getString("check_id"),
                      rs.getString("rule_set_version"),
                      rs.getDouble("automatic_value"),
                      humanValue,
                      rs.getString("outcome"),
                      rs.getString("decided_by"),
                      rs.getString("decided_by_name"),
                      Instant.ofEpochMilli(rs.getLong("decided_at")));
                })
            .list();
    return cursor.slice(rows, o -> o.decidedAt().toEpochMilli(), SuggestionOutcomes::key);
  }

  /** Overridden, accepted and held-out counts of a criterion's regular evaluations. */
  int[] counts(Handle h, String versionId, String criterionId) {
    Map<String, Object> row =
        h.createQuery(
                """
                SELECT COALESCE(SUM(CASE WHEN outcome = 'OVERRIDDEN' THEN 1 ELSE 0 END), 0) AS o,
                  COALESCE(SUM(CASE WHEN outcome = 'ACCEPTED' THEN 1 ELSE 0 END), 0) AS a,
                  COALESCE(SUM(CASE WHEN outcome = 'HELD_OUT' THEN 1 ELSE 0 END), 0) AS x
                FROM autoqa_suggestion_outcomes
                WHERE scorecard_version_id = ? AND criterion_id = ? AND kind = 'REGULAR'""")
            .bind(0, versionId)
            .bind(1, criterionId)
            .mapToMap()
            .one();
    return new int[] {
      ((Number) row.get("o")).intValue(),
      ((Number) row.get("a")).intValue(),
      ((Number) row.get("x")).intValue()
    };
  }
}
