package io.qccompanion.server.evaluations;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * A submitted revision, kept when a dispute amends the evaluation. Only ever shown, so its answers
 * stay the JSON they were stored as ({@code Json.write} of the answers, the API's own mapper):
 * parsing them was 8 % of the evaluation read's CPU samples, before writing them out again.
 */
record Revision(
    int revision,
    Double score,
    Boolean passed,
    boolean criticalFail,
    @JsonRawValue String answers,
    String overallComment,
    String coachingNote,
    Instant createdAt,
    String createdBy,
    String reason) {}
