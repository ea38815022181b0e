package io.qccompanion.server.scoring;

import java.util.List;

/**
 * How one criterion scored.
 *
 * @param points points earned, null when N/A
 * @param maxPoints full marks (1 for binary and 1-5, the highest value for points)
 * @param failed lost points (earned below full marks)
 * @param criticalFailed a critical criterion failed: binary no, points below full, 1-5 value <= 2
 * @param flagged a compliance criterion failed or a critical one failed
 */
public record CriterionResult(
    String criterionId,
    String section,
    String criterion,
    Double value,
    boolean notApplicable,
    Double points,
    double maxPoints,
    double weight,
    boolean failed,
    boolean critical,
    boolean criticalFailed,
    boolean flagged,
    List<String> rootCauses,
    String comment) {}
