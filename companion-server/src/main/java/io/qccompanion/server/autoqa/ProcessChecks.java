package io.qccompanion.server.autoqa;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A team's process rules on the agents' internal notes. */
final class ProcessChecks {
  private ProcessChecks() {}

  public static List<CheckResult> check(ConversationView view, TeamRules team) {
    List<CheckResult> out = new ArrayList<>();
    for (ProcessRule rule : team.processRules()) {
      Pattern p = rule.pattern();
      List<Evidence> found = new ArrayList<>();
      for (int i : view.internalNotes()) {
        String text = view.text(i).text();
        Matcher m = p.matcher(text);
        while (m.find())
          if (m.end() > m.start())
            found.add(new Evidence(i, m.start(), m.end(), rule.checkId(), m.group(), ""));
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
}
