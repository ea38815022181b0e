package io.qccompanion.server.scoring;

import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.scorecards.Criterion;
import io.qccompanion.server.scorecards.ScorecardDefinition;
import io.qccompanion.server.scorecards.Section;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Scores answers against a scorecard version. Pure: no I/O, same input, same result.
 *
 * <p>score% = Σ(weight × earned/max) / Σ(weight of answered, non-N/A criteria) × 100, computed in
 * decimal and rounded half-up to one decimal once at the end. The pass decision compares the
 * <em>rounded</em> score with the pass mark, so the score people see always agrees with pass/fail
 * (89.95 shows as 90.0 and passes a pass mark of 90). A failed critical criterion sets the score to
 * 0; on the 1-5 scale a critical criterion fails at a value of 2 or less.
 */
public final class ScoringEngine {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final MathContext MC = MathContext.DECIMAL128;

  /** Checks a partial set of answers (a draft): unknown ids and bad values, not completeness. */
  public void check(ScorecardDefinition def, Map<String, Answer> answers) {
    evaluate(def, answers, false);
  }

  /** Scores a complete set of answers; any missing, unknown or invalid answer is a 400. */
  public ScoreResult score(ScorecardDefinition def, Map<String, Answer> answers) {
    return evaluate(def, answers, true);
  }

  private ScoreResult evaluate(ScorecardDefinition def, Map<String, Answer> answers, boolean full) {
    Map<String, Answer> given = answers == null ? Map.of() : answers;
    for (String id : given.keySet())
      if (def.criterion(id).isEmpty())
        throw Invalid.malformed("/answers/" + id, "no criterion '" + id + "' in this scorecard");
    List<CriterionResult> results = new ArrayList<>();
    BigDecimal earned = BigDecimal.ZERO;
    BigDecimal weights = BigDecimal.ZERO;
    boolean criticalFail = false;
    boolean flagged = false;
    for (Section section : def.sections()) {
      for (Criterion c : section.criteria()) {
        Answer a = given.get(c.id());
        String p = "/answers/" + c.id();
        if (a == null) {
          if (full) throw Invalid.malformed(p, "criterion '" + c.id() + "' is not answered");
          continue;
        }
        CriterionResult r = CriterionScore.of(section, c, a, p, full);
        if (r == null) continue;
        results.add(r);
        if (r.notApplicable()) continue;
        BigDecimal weight = BigDecimal.valueOf(c.weight());
        earned =
            earned.add(
                weight.multiply(
                    BigDecimal.valueOf(r.points()).divide(BigDecimal.valueOf(r.maxPoints()), MC)));
        weights = weights.add(weight);
        criticalFail |= r.criticalFailed();
        flagged |= r.flagged();
      }
    }
    if (weights.signum() == 0) return new ScoreResult(null, null, false, false, results);
    BigDecimal score =
        criticalFail
            ? BigDecimal.ZERO.setScale(1)
            : earned.multiply(HUNDRED).divide(weights, MC).setScale(1, RoundingMode.HALF_UP);
    boolean passed = !criticalFail && score.compareTo(BigDecimal.valueOf(def.passMark())) >= 0;
    return new ScoreResult(score.doubleValue(), passed, criticalFail, flagged, results);
  }

  /** Rejects root causes that are not options of the criterion or repeat. */
  static void checkRootCauses(Criterion c, Answer a, String p) {
    var seen = new HashSet<String>();
    for (int i = 0; i < a.rootCauses().size(); i++) {
      String cause = a.rootCauses().get(i);
      if (cause == null || !c.rootCauses().contains(cause))
        throw Invalid.malformed(
            p + "/rootCauses/" + i,
            "'" + cause + "' is not a root cause of '" + c.id() + "'; options: " + c.rootCauses());
      if (!seen.add(cause))
        throw Invalid.malformed(p + "/rootCauses/" + i, "root cause '" + cause + "' repeats");
    }
  }
}
