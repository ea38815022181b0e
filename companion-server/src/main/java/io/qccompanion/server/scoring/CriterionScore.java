package io.qccompanion.server.scoring;

import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.scorecards.Criterion;
import io.qccompanion.server.scorecards.Scale;
import io.qccompanion.server.scorecards.Section;

/** Validates one answer against its criterion and works out the points it earns. */
final class CriterionScore {
  private CriterionScore() {}

  /** The result, or null for a draft answer without a value yet. */
  static CriterionResult of(Section s, Criterion c, Answer a, String p, boolean full) {
    ScoringEngine.checkRootCauses(c, a, p);
    double max = c.maxPoints();
    if (a.na()) {
      if (!c.naAllowed())
        throw Invalid.malformed(p + "/notApplicable", "criterion '" + c.id() + "' cannot be N/A");
      if (a.value() != null) throw Invalid.malformed(p + "/value", "an N/A answer takes no value");
      if (full && !a.rootCauses().isEmpty())
        throw Invalid.malformed(p + "/rootCauses", "an N/A answer takes no root causes");
      return result(s, c, a, null, max, false, false);
    }
    if (a.value() == null) {
      if (full) throw Invalid.malformed(p + "/value", "criterion '" + c.id() + "' needs a value");
      return null;
    }
    double v = a.value();
    double points =
        switch (c.scale()) {
          case BINARY -> {
            if (v != 0 && v != 1)
              throw Invalid.malformed(p + "/value", "a yes/no answer is 1 (yes) or 0 (no)");
            yield v;
          }
          case ONE_TO_FIVE -> {
            if (v != Math.rint(v) || v < 1 || v > 5)
              throw Invalid.malformed(p + "/value", "value must be a whole number from 1 to 5");
            yield (v - 1) / 4;
          }
          case POINTS -> {
            if (!c.points().contains(v))
              throw Invalid.malformed(p + "/value", "value must be one of " + c.points());
            yield v;
          }
        };
    boolean failed = points < max;
    boolean criticalFailed = c.critical() && (c.scale() == Scale.ONE_TO_FIVE ? v <= 2 : failed);
    if (full && !failed && !a.rootCauses().isEmpty())
      throw Invalid.malformed(
          p + "/rootCauses", "root causes explain a failure; '" + c.id() + "' got full marks");
    return result(s, c, a, points, max, failed, criticalFailed);
  }

  private static CriterionResult result(
      Section s,
      Criterion c,
      Answer a,
      Double points,
      double max,
      boolean failed,
      boolean criticalFailed) {
    return new CriterionResult(
        c.id(),
        s.name(),
        c.name(),
        a.value(),
        a.na(),
        points,
        max,
        c.weight(),
        failed,
        c.critical(),
        criticalFailed,
        criticalFailed || (failed && c.compliance()),
        a.rootCauses(),
        a.comment());
  }
}
