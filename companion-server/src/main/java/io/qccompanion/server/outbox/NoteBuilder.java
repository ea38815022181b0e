package io.qccompanion.server.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import io.qccompanion.model.FeedbackNote;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.scorecards.ScorecardDefinition;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.scoring.ScoringEngine;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Builds the host note of one evaluation revision from what was stored at submission. */
final class NoteBuilder {
  private static final TypeReference<Map<String, Answer>> ANSWERS = new TypeReference<>() {};
  private final ScoringEngine engine;
  private final String publicUrl;

  NoteBuilder(ScoringEngine engine, String publicUrl) {
    this.engine = engine;
    this.publicUrl =
        publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
  }

  Optional<FeedbackNote> build(Handle h, String evaluationId, int revision) {
    return h.createQuery(
            """
            SELECT r.answers, r.score, r.passed, r.critical_fail, r.overall_comment, r.coaching_note,
              t.external_id, COALESCE(t.ticket_key, t.external_id) AS ticket_key, u.name AS qc_name,
              v.definition
            FROM evaluation_revisions r
            JOIN evaluations e ON e.id = r.evaluation_id
            JOIN tickets t ON t.id = e.ticket_id
            JOIN users u ON u.id = e.qc_id
            JOIN scorecard_versions v ON v.id = e.scorecard_version_id
            WHERE r.evaluation_id = ? AND r.revision = ?
            """)
        .bind(0, evaluationId)
        .bind(1, revision)
        .map(
            (rs, ctx) -> {
              var def = Json.read(rs.getString("definition"), ScorecardDefinition.class);
              var result = engine.score(def, Json.read(rs.getString("answers"), ANSWERS));
              double score = rs.getDouble("score");
              Double scorePercent = rs.wasNull() ? null : score;
              return FeedbackNote.builder()
                  .idempotencyKey(Outbox.idempotencyKey(evaluationId, revision))
                  .ticketExternalId(rs.getString("external_id"))
                  .ticketKey(rs.getString("ticket_key"))
                  .evaluationId(evaluationId)
                  .revision(revision)
                  .scorecardName(def.name())
                  .scorePercent(scorePercent)
                  .passed(rs.getInt("passed") == 1)
                  .criticalFail(rs.getInt("critical_fail") == 1)
                  .failedCriteria(
                      result.failed().stream()
                          .map(
                              c ->
                                  FeedbackNote.FailedCriterion.builder()
                                      .section(c.section())
                                      .criterion(c.criterion())
                                      .critical(c.criticalFailed())
                                      .rootCauses(c.rootCauses())
                                      .comment(c.comment())
                                      .build())
                          .toList())
                  .overallComment(rs.getString("overall_comment"))
                  .coachingNote(rs.getString("coaching_note"))
                  .qcName(rs.getString("qc_name"))
                  .evaluationUrl(publicUrl + "/evaluations/" + evaluationId)
                  .build();
            })
        .findOne();
  }
}
