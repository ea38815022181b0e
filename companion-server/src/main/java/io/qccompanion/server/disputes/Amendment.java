package io.qccompanion.server.disputes;

import io.qccompanion.server.scorecards.Criterion;
import io.qccompanion.server.scorecards.Scale;
import io.qccompanion.server.scorecards.ScorecardDefinition;
import io.qccompanion.server.scoring.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lead's changed answers laid over the QC's: the comment and root causes of a criterion stay
 * unless the lead sends new ones; root causes go only when the amended answer no longer fails.
 */
final class Amendment {
  private Amendment() {}

  static Map<String, Answer> merged(
      ScorecardDefinition def, Map<String, Answer> original, Map<String, Answer> changes) {
    Map<String, Answer> out = new HashMap<>(original);
    changes.forEach(
        (id, change) -> {
          if (change == null) return;
          Answer before = original.get(id);
          if (before == null) {
            out.put(id, change);
            return;
          }
          Criterion c = def.criterion(id).map(l -> l.criterion()).orElse(null);
          List<String> causes =
              !change.rootCauses().isEmpty()
                  ? change.rootCauses()
                  : c != null && fails(c, change) ? before.rootCauses() : List.of();
          String comment = change.comment() != null ? change.comment() : before.comment();
          out.put(id, new Answer(change.value(), change.notApplicable(), causes, comment));
        });
    return out;
  }

  private static boolean fails(Criterion c, Answer a) {
    if (a.na() || a.value() == null) return false;
    double top = c.scale() == Scale.ONE_TO_FIVE ? 5 : c.maxPoints();
    return a.value() < top;
  }
}
