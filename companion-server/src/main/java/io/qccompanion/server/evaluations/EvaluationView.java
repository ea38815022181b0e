package io.qccompanion.server.evaluations;

import io.qccompanion.server.outbox.WriteBackStatus;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.scoring.CriterionResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An evaluation as the API shows it, with the ticket facts, who graded it, the scorecard, and (on
 * single reads) per-criterion results, revisions and the write-back status.
 */
record EvaluationView(
    String id,
    TicketFacts ticket,
    String agentId,
    String teamId,
    String qcId,
    String qcName,
    String scorecardVersionId,
    String scorecardName,
    int scorecardVersion,
    String kind,
    String status,
    int revision,
    Double score,
    Boolean passed,
    boolean criticalFail,
    boolean complianceFlag,
    double passMark,
    Map<String, Answer> answers,
    String overallComment,
    String coachingNote,
    Instant createdAt,
    Instant updatedAt,
    Instant submittedAt,
    List<CriterionResult> criteria,
    List<Revision> revisions,
    WriteBackStatus writeBack) {}
