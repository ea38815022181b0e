package io.qccompanion.server.autoqa;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A team's process rules on the agents' internal notes. A team writes the regular expressions, so
 * one that backtracks without end (e.g. {@code ((a+)+)+b}) must not stall the worker: each rule may
 * read at most {@link #STEPS} characters per note (counted, not timed, so the result stays
 * deterministic); past that the rule does not apply to the ticket.
 */
final class ProcessChecks {
  static final long STEPS = 20_000_000;

  private ProcessChecks() {}

  public static List<CheckResult> check(ConversationView view, TeamRules team) {
    List<CheckResult> out = new ArrayList<>();
    for (ProcessRule rule : team.processRules()) {
      Pattern p = rule.pattern();
      List<Evidence> found = new ArrayList<>();
      try {
        for (int i : view.internalNotes()) {
          String text = view.text(i).text();
          Matcher m = p.matcher(new Bounded(text, 0, text.length(), new long[] {0}));
          while (m.find())
            if (m.end() > m.start())
              found.add(new Evidence(i, m.start(), m.end(), rule.checkId(), m.group(), ""));
        }
      } catch (TooSlow e) {
        out.add(
            CheckResult.notApplicable(
                rule.checkId(), "the rule's regular expression is too slow on these notes"));
        continue;
      }
      boolean satisfied = rule.required() != found.isEmpty();
      String note =
          satisfied
              ? ""
              : rule.required() ? "no internal note matches" : "an internal note matches";
      out.add(
          new CheckResult(
              rule.checkId(), satisfied ? 1.0 : 0.0, null, satisfied, found, 0.9, note));
    }
    return out;
  }

  private static final class TooSlow extends RuntimeException {
    TooSlow() {
      super(null, null, false, false);
    }
  }

  /** A view of {@code text[start, end)} that counts every character the matcher reads. */
  private record Bounded(String text, int start, int end, long[] steps) implements CharSequence {
    @Override
    public int length() {
      return end - start;
    }

    @Override
    public char charAt(int index) {
      if (++steps[0] > STEPS) throw new TooSlow();
      return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
      return new Bounded(text, start + from, start + to, steps);
    }

    @Override
    public String toString() {
      return text.substring(start, end);
    }
  }
}
