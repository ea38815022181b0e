package io.qccompanion.server.scoring;

import java.util.List;

/**
 * A QC's answer to one criterion.
 *
 * @param value BINARY: 1 yes / 0 no; ONE_TO_FIVE: 1..5; POINTS: one of the allowed values; null
 *     when not answered yet or N/A
 * @param notApplicable the criterion does not apply to this ticket (only where the criterion allows
 *     N/A); excluded from the score
 * @param rootCauses options of the criterion explaining a failure
 */
public record Answer(Double value, Boolean notApplicable, List<String> rootCauses, String comment) {

  public Answer {
    rootCauses = rootCauses == null ? List.of() : List.copyOf(rootCauses);
  }

  public boolean na() {
    return notApplicable != null && notApplicable;
  }
}
