package io.qccompanion.server.scorecards;

import java.time.Instant;

/** An immutable published version: evaluations point at it and are scored against it. */
public record ScorecardVersion(
    String id,
    String scorecardId,
    int version,
    ScorecardDefinition definition,
    Instant publishedAt,
    String publishedBy) {}
