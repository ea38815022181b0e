package io.qccompanion.server.evaluations;

import com.fasterxml.jackson.core.type.TypeReference;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.scoring.CriterionResult;
import io.qccompanion.server.scoring.ScoreResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for evaluations, their revisions and per-criterion answer rows. */
final class EvaluationStore {
  static final TypeReference<Map<String, Answer>> ANSWERS = new TypeReference<>() {};

  void insert(Handle h, Evaluation e) {
    h.createUpdate(
            """
            INSERT INTO evaluations (id, ticket_id, agent_id, team_id, scorecard_version_id, qc_id,
              kind, status, revision, critical_fail, compliance_flag, answers, overall_comment,
              coaching_note, created_at, updated_at)
            VALUES (:id, :ticketId, :agentId, :teamId, :scorecardVersionId, :qcId, :kind, :status,
              :revision, 0, 0, :json, :overallComment, :coachingNote, :created, :updated)
            """)
        .bindMethods(e)
        .bind("json", Json.write(e.answers()))
        .bind("created", e.createdAt().toEpochMilli())
        .bind("updated", e.updatedAt().toEpochMilli())
        .execute();
  }

  /** Writes the mutable state: answers, comments, version, status and result. */
  void update(Handle h, Evaluation e) {
    h.createUpdate(
            """
            UPDATE evaluations SET scorecard_version_id = :scorecardVersionId, status = :status,
              revision = :revision, score = :score, passed = :pass, critical_fail = :critical,
              compliance_flag = :flag, answers = :json, overall_comment = :overallComment,
              coaching_note = :coachingNote, updated_at = :updated, submitted_at = :submitted
            WHERE id = :id
            """)
        .bindMethods(e)
        .bind("pass", e.passed() == null ? null : e.passed() ? 1 : 0)
        .bind("critical", e.criticalFail() ? 1 : 0)
        .bind("flag", e.complianceFlag() ? 1 : 0)
        .bind("json", Json.write(e.answers()))
        .bind("updated", e.updatedAt().toEpochMilli())
        .bind("submitted", e.submittedAt() == null ? null : e.submittedAt().toEpochMilli())
        .execute();
  }

  Optional<Evaluation> find(Handle h, String id) {
    return h.createQuery("SELECT * FROM evaluations WHERE id = ?")
        .bind(0, id)
        .map(EvaluationStore::row)
        .findOne();
  }

  /** Whether {@code qcId} has submitted an evaluation of {@code ticketId}. */
  boolean submittedOn(Handle h, String qcId, String ticketId) {
    return h.createQuery(
                "SELECT count(*) FROM evaluations WHERE ticket_id = ? AND qc_id = ? AND status <> 'DRAFT'")
            .bind(0, ticketId)
            .bind(1, qcId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  boolean exists(Handle h, String qcId, String ticketId, String kind) {
    return h.createQuery(
                "SELECT count(*) FROM evaluations WHERE ticket_id = ? AND qc_id = ? AND kind = ?")
            .bind(0, ticketId)
            .bind(1, qcId)
            .bind(2, kind)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  void insertRevision(Handle h, Evaluation e, String actorId, String reason) {
    h.createUpdate(
            """
            INSERT INTO evaluation_revisions (evaluation_id, revision, score, passed, critical_fail,
              answers, overall_comment, coaching_note, created_at, created_by, reason)
            VALUES (:id, :revision, :score, :pass, :critical, :json, :overallComment, :coachingNote,
              :updated, :actor, :reason)
            """)
        .bindMethods(e)
        .bind("pass", e.passed() == null ? null : e.passed() ? 1 : 0)
        .bind("critical", e.criticalFail() ? 1 : 0)
        .bind("json", Json.write(e.answers()))
        .bind("updated", e.updatedAt().toEpochMilli())
        .bind("actor", actorId)
        .bind("reason", reason)
        .execute();
  }

  List<Revision> revisions(Handle h, String evaluationId) {
    return h.createQuery(
            "SELECT * FROM evaluation_revisions WHERE evaluation_id = ? ORDER BY revision")
        .bind(0, evaluationId)
        .map(
            (rs, ctx) ->
                new Revision(
                    rs.getInt("revision"),
                    nullableDouble(rs, "score"),
                    nullableBoolean(rs, "passed"),
                    rs.getInt("critical_fail") == 1,
                    rs.getString("answers"),
                    rs.getString("overall_comment"),
                    rs.getString("coaching_note"),
                    Instant.ofEpochMilli(rs.getLong("created_at")),
                    rs.getString("created_by"),
                    rs.getString("reason")))
        .list();
  }

  /** Replaces the per-criterion rows with those of the current revision. */
  void replaceAnswers(Handle h, String evaluationId, ScoreResult result) {
    h.execute("DELETE FROM evaluation_answers WHERE evaluation_id = ?", evaluationId);
    insertAnswers(h, evaluationId, result);
  }

  /** Writes the per-criterion rows of an evaluation that has none, in one batch. */
  void insertAnswers(Handle h, String evaluationId, ScoreResult result) {
    var batch =
        h.prepareBatch(
            """
            INSERT INTO evaluation_answers (evaluation_id, criterion_id, section, criterion, points,
              max_points, not_applicable, failed, critical, root_causes, critical_failed, flagged)
            VALUES (:evaluation, :criterionId, :section, :criterion, :points, :maxPoints, :na,
              :fail, :crit, :causes, :critFail, :flag)
            """);
    for (CriterionResult r : result.criteria()) {
      batch
          .bindMethods(r)
          .bind("evaluation", evaluationId)
          .bind("na", r.notApplicable() ? 1 : 0)
          .bind("fail", r.failed() ? 1 : 0)
          .bind("crit", r.critical() ? 1 : 0)
          .bind("causes", Json.write(r.rootCauses()))
          .bind("critFail", r.criticalFailed() ? 1 : 0)
          .bind("flag", r.flagged() ? 1 : 0)
          .add();
    }
    if (!result.criteria().isEmpty()) batch.execute();
  }

  static Evaluation row(ResultSet rs, StatementContext ctx) throws SQLException {
    long submitted = rs.getLong("submitted_at");
    Instant submittedAt = rs.wasNull() ? null : Instant.ofEpochMilli(submitted);
    return new Evaluation(
        rs.getString("id"),
        rs.getString("ticket_id"),
        rs.getString("agent_id"),
        rs.getString("team_id"),
        rs.getString("scorecard_version_id"),
        rs.getString("qc_id"),
        rs.getString("kind"),
        rs.getString("status"),
        rs.getInt("revision"),
        nullableDouble(rs, "score"),
        nullableBoolean(rs, "passed"),
        rs.getInt("critical_fail") == 1,
        rs.getInt("compliance_flag") == 1,
        Json.read(rs.getString("answers"), ANSWERS),
        rs.getString("overall_comment"),
        rs.getString("coaching_note"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        submittedAt);
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v == 1;
  }
}
