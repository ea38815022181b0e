package io.qccompanion.server.autoqa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The automatic answers the panel pre-fills: for each criterion of a scorecard version bound to a
 * check, the check's result on the ticket mapped to the criterion's scale, with its evidence.
 * Automatic values only: never another human's grade, so blind grading holds.
 */
final class Suggestions {
  /**
   * One criterion's suggestion.
   *
   * @param value the scale value to pre-fill; null when the check does not apply (nothing is
   *     pre-filled then)
   * @param rawValue the check's measure in {@code unit}, null when it does not apply
   */
  record Suggestion(
      String criterionId,
      String check,
      String mapping,
      Double value,
      Double rawValue,
      String unit,
      Boolean pass,
      double confidence,
      String note,
      List<Evidence> evidence) {}

  /**
   * The suggestions of a ticket, with the rule-set version they come from.
   *
   * @param withheld null when the panel pre-fills them, else why the evaluation is graded without
   *     (then {@code suggestions} is empty)
   */
  record TicketSuggestions(
      String ticketId,
      String scorecardVersionId,
      String ruleSetVersion,
      List<Suggestion> suggestions,
      Holdout.Reason withheld) {}

  private final AutoEvaluations store;
  private final CriterionBindings bindings;

  Suggestions(AutoEvaluations store, CriterionBindings bindings) {
    this.store = store;
    this.bindings = bindings;
  }

  /** Empty when the ticket has no automatic evaluation yet (not scored, or no conversation). */
  Optional<TicketSuggestions> of(Handle h, String ticketId, String versionId) {
    return store
        .find(h, ticketId)
        .map(
            result -> {
              List<Suggestion> out = new ArrayList<>();
              for (CriterionBindings.Binding b : bindings.list(h, versionId)) {
                Optional<CheckResult> check = result.check(b.check());
                if (check.isEmpty()) continue; // a process rule this team no longer has
                CheckResult r = check.get();
                out.add(
                    new Suggestion(
                        b.criterionId(),
                        b.check(),
                        b.mapping(),
                        ScaleMapping.parse(b.mapping()).apply(r),
                        r.value(),
                        Check.byId(b.check()).map(Check::unit).orElse("1 = met"),
                        r.pass(),
                        r.confidence(),
                        r.note(),
                        r.evidence()));
              }
              return new TicketSuggestions(ticketId, versionId, result.ruleSetVersion(), out, null);
            });
  }
}
