package io.qccompanion.server.disputes;

import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.domain.Invalid;

/**
 * When and how agents may dispute.
 *
 * @param windowDays days after submission during which a dispute is accepted (default 7)
 * @param maxPerEvaluation disputes allowed per evaluation (default 1)
 * @param scope OVERALL (whole evaluation), CRITERION (one criterion each) or EITHER
 * @param slaDays days a lead has to resolve an open dispute (default 3)
 */
record DisputeRules(Integer windowDays, Integer maxPerEvaluation, String scope, Integer slaDays) {
  public static final DisputeRules DEFAULTS = new DisputeRules(7, 1, "EITHER", 3);

  /** Validates a body sent by an admin; missing fields keep the defaults. */
  DisputeRules validated() {
    int window = Fields.range(windowDays == null ? 7 : windowDays, 1, 365, "/windowDays");
    int max =
        Fields.range(maxPerEvaluation == null ? 1 : maxPerEvaluation, 1, 20, "/maxPerEvaluation");
    int sla = Fields.range(slaDays == null ? 3 : slaDays, 1, 90, "/slaDays");
    String s = scope == null ? "EITHER" : scope.strip().toUpperCase();
    if (!s.equals("OVERALL") && !s.equals("CRITERION") && !s.equals("EITHER"))
      throw Invalid.malformed("/scope", "scope must be OVERALL, CRITERION or EITHER");
    return new DisputeRules(window, max, s, sla);
  }
}
