package io.qccompanion.server.demo;

import io.qccompanion.server.scorecards.Criterion;
import io.qccompanion.server.scorecards.Scale;
import io.qccompanion.server.scorecards.ScorecardDraft;
import io.qccompanion.server.scorecards.Section;
import java.util.List;

/**
 * The demo's organisation-wide default scorecard: the questions a support QA team typically asks.
 */
final class DemoScorecard {
  private DemoScorecard() {}

  static ScorecardDraft draft() {
    return new ScorecardDraft(
        "Support quality",
        "Default scorecard for email, chat and web tickets",
        null,
        null,
        null,
        true,
        85.0,
        List.of(
            new Section(
                "Opening and tone",
                List.of(
                    binary(
                        "greeting",
                        "Personal greeting",
                        "Greets the customer by name.",
                        1,
                        false,
                        false,
                        false,
                        List.of("Template not personalised")),
                    fiveScale(
                        "empathy",
                        "Empathy",
                        "Acknowledges the impact on the customer before solving.",
                        2,
                        List.of("Skipped acknowledgement", "Defensive wording")),
                    fiveScale(
                        "tone",
                        "Tone and clarity",
                        "Plain words, friendly, no jargon.",
                        1,
                        List.of("Jargon", "Too long")))),
            new Section(
                "Resolution",
                List.of(
                    binary(
                        "understood",
                        "Understood the issue",
                        "Restates or clearly addresses the real problem.",
                        2,
                        false,
                        false,
                        false,
                        List.of("Did not read history", "Missed second question")),
                    binary(
                        "correct",
                        "Correct resolution",
                        "The answer or fix is correct and complete. Critical.",
                        3,
                        false,
                        true,
                        false,
                        List.of(
                            "Knowledge gap",
                            "Process not followed",
                            "Wrong macro",
                            "Tool limitation")),
                    new Criterion(
                        "first_contact",
                        "Resolved without back-and-forth",
                        "10: solved in the first reply; 5: one clarification; 0: several.",
                        Scale.POINTS,
                        List.of(0.0, 5.0, 10.0),
                        2.0,
                        true,
                        false,
                        false,
                        List.of("Asked for information already given", "Did not troubleshoot")))),
            new Section(
                "Process and compliance",
                List.of(
                    binary(
                        "verification",
                        "Identity verified",
                        "Verifies identity before account changes.",
                        2,
                        true,
                        false,
                        true,
                        List.of("Skipped verification", "Unclear policy")),
                    binary(
                        "data_protection",
                        "Data protection",
                        "No personal data of others shared. Critical.",
                        3,
                        false,
                        true,
                        false,
                        List.of("Shared personal data", "Wrong recipient")),
                    binary(
                        "tagging",
                        "Tagging and notes",
                        "Correct tags, internal note for handover.",
                        1,
                        false,
                        false,
                        false,
                        List.of("Missing tag", "No internal note")))),
            new Section(
                "Closing",
                List.of(
                    binary(
                        "next_steps",
                        "Clear next steps",
                        "Tells the customer what happens next.",
                        1,
                        false,
                        false,
                        false,
                        List.of("No next steps")),
                    new Criterion(
                        "writing",
                        "Spelling and grammar",
                        "5: flawless; 3: minor slips; 0: hard to read.",
                        Scale.POINTS,
                        List.of(0.0, 3.0, 5.0),
                        1.0,
                        false,
                        false,
                        false,
                        List.of("Typos", "Grammar"))))));
  }

  private static Criterion binary(
      String id,
      String name,
      String guidance,
      double weight,
      boolean na,
      boolean critical,
      boolean compliance,
      List<String> rootCauses) {
    return new Criterion(
        id, name, guidance, Scale.BINARY, List.of(), weight, na, critical, compliance, rootCauses);
  }

  private static Criterion fiveScale(
      String id, String name, String guidance, double weight, List<String> rootCauses) {
    return new Criterion(
        id, name, guidance, Scale.ONE_TO_FIVE, List.of(), weight, false, false, false, rootCauses);
  }
}
