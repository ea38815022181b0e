package io.qccompanion.server.evaluations;

import io.qccompanion.server.scoring.Answer;
import java.time.Instant;
import java.util.Map;

/** A submitted revision, kept when a dispute amends the evaluation. */
record Revision(
    int revision,
    Double score,
    Boolean passed,
    boolean criticalFail,
    Map<String, Answer> answers,
    String overallComment,
    String coachingNote,
    Instant createdAt,
    String createdBy,
    String reason) {}
