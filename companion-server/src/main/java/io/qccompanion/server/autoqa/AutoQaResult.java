package io.qccompanion.server.autoqa;

import java.util.List;
import java.util.Optional;

/**
 * All checks of one conversation.
 *
 * @param ruleSetVersion identifies the rules, phrase sets, lexicon, LanguageTool version and team
 *     rules used: the same conversation and version always give the same result
 * @param language ISO 639-1 code of the detected language
 * @param languageConfidence 0..1 from the detector; 0 when the text was too short and the default
 *     language was assumed
 */
record AutoQaResult(
    String ruleSetVersion, String language, double languageConfidence, List<CheckResult> checks) {

  public AutoQaResult {
    checks = List.copyOf(checks);
  }

  /** The result of a check by id. */
  public Optional<CheckResult> check(String id) {
    return checks.stream().filter(c -> c.check().equals(id)).findFirst();
  }

  /** The result of a built-in check. */
  public CheckResult check(Check check) {
    return check(check.id()).orElseThrow();
  }
}
