package io.qccompanion.server.demo;

import io.qccompanion.server.scorecards.Criterion;
import io.qccompanion.server.scorecards.Scale;
import io.qccompanion.server.scorecards.Section;
import io.qccompanion.server.scoring.Answer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Answers a scorecard the way a QC would for an agent of a given skill (0..1): skilled agents
 * mostly earn full marks, weaker ones miss more and, rarely, fail a critical criterion.
 */
final class DemoGrader {
  private static final Map<String, String> COMMENTS =
      Map.of(
          "empathy", "Jumped straight to the fix; acknowledge the frustration first.",
          "correct", "The refund policy quoted is out of date; see the billing macro v3.",
          "understood", "The customer also asked about the invoice address; that was missed.",
          "verification", "Changed the email address without verifying the account holder.",
          "data_protection", "Reply included another customer's order number.",
          "tagging", "Missing product-area tag, so the ticket did not reach the weekly report.",
          "first_contact", "Asked for the order number that was already in the first message.");

  private final Random random;

  DemoGrader(long seed) {
    this.random = new Random(seed);
  }

  Map<String, Answer> answers(List<Section> sections, double skill) {
    Map<String, Answer> answers = new LinkedHashMap<>();
    for (Section section : sections)
      for (Criterion c : section.criteria()) answers.put(c.id(), answer(c, skill));
    return answers;
  }

  private Answer answer(Criterion c, double skill) {
    if (c.naAllowed() && random.nextDouble() < 0.15) return new Answer(null, true, List.of(), null);
    // Critical and compliance fails are rare and mostly the weakest agents' (about 1 in 40 of their
    // tickets, 1 in 3,000 of the strongest), so strong agents can reach PROVEN and weak ones fall
    // AT_RISK (a critical fail, or an open compliance escalation, puts an agent there).
    double failChance =
        c.critical() || c.compliance() ? 0.06 * Math.pow(1 - skill, 2) : 0.45 * (1 - skill) + 0.03;
    boolean fail = random.nextDouble() < failChance;
    double value =
        switch (c.scale()) {
          case BINARY -> fail ? 0 : 1;
          case ONE_TO_FIVE -> fail ? 1 + random.nextInt(3) : 4 + random.nextInt(2);
          case POINTS ->
              fail ? c.points().get(random.nextInt(c.points().size() - 1)) : c.maxPoints();
        };
    boolean lost = c.scale() == Scale.ONE_TO_FIVE ? value < 5 && fail : fail;
    if (!lost) return new Answer(value, false, List.of(), null);
    String cause =
        c.rootCauses().isEmpty() ? null : c.rootCauses().get(random.nextInt(c.rootCauses().size()));
    return new Answer(
        value, false, cause == null ? List.of() : List.of(cause), COMMENTS.get(c.id()));
  }

  String coachingNote(double score) {
    if (score >= 90)
      return "Great work. Keep the personal greeting, customers mention it in CSAT comments.";
    if (score >= 75)
      return "Solid ticket. Next step: confirm the customer's second question before closing.";
    return "Let's go through this one in our 1:1 using GROW: goal for next week is verified changes only.";
  }
}
