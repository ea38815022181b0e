package io.qccompanion.server.autoqa;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** First reply, longest wait, reopens and handle time against the team's targets. */
final class TimingChecks {
  private TimingChecks() {}

  /** The host's first-reply time when it reports one, else measured from the messages. */
  public static CheckResult firstReply(ConversationView view, TeamRules team) {
    String id = Check.FIRST_REPLY.id();
    Double target = minutes(team.firstReplyTarget());
    TicketMetrics metrics = view.conversation().metrics();
    if (metrics.firstReply() != null)
      return lowerIsBetter(
          id, minutes(metrics.firstReply()), target, List.of(), 1, "reported by the host");
    Instant asked = null;
    for (int i = 0; i < view.size(); i++) {
      ConversationMessage m = view.message(i);
      if (asked == null && m.isCustomerMessage()) asked = m.createdAt();
      if (asked != null && m.isAgentReply()) {
        double waited = minutes(Duration.between(asked, m.createdAt()));
        return lowerIsBetter(
            id,
            waited,
            target,
            List.of(new Evidence(i, 0, 0, "timing:first_reply", "", "")),
            0.9,
            "measured from the messages");
      }
    }
    return CheckResult.notApplicable(id, asked == null ? "no customer message" : "no agent reply");
  }

  /** The longest time from a customer message until the next agent reply. */
  public static CheckResult longestWait(ConversationView view, TeamRules team) {
    String id = Check.LONGEST_WAIT.id();
    Instant waitingSince = null;
    double longest = -1;
    int at = -1;
    for (int i = 0; i < view.size(); i++) {
      ConversationMessage m = view.message(i);
      if (m.isCustomerMessage() && waitingSince == null) waitingSince = m.createdAt();
      else if (m.isAgentReply() && waitingSince != null) {
        double waited = minutes(Duration.between(waitingSince, m.createdAt()));
        if (waited > longest) {
          longest = waited;
          at = i;
        }
        waitingSince = null;
      }
    }
    if (at < 0) return CheckResult.notApplicable(id, "no agent reply to a customer message");
    Evidence e =
        new Evidence(
            at,
            0,
            0,
            "timing:longest_wait",
            "",
            "the customer waited %.0f min for this reply".formatted(longest));
    return lowerIsBetter(id, longest, minutes(team.longestWaitTarget()), List.of(e), 0.9, "");
  }

  public static CheckResult reopens(ConversationView view, TeamRules team) {
    Double target = team.maxReopens() == null ? null : team.maxReopens().doubleValue();
    return lowerIsBetter(
        Check.REOPENS.id(),
        view.conversation().metrics().reopens(),
        target,
        List.of(),
        1,
        "reported by the host");
  }

  public static CheckResult handleTime(ConversationView view, TeamRules team) {
    Duration handle = view.conversation().metrics().handleTime();
    if (handle == null)
      return CheckResult.notApplicable(Check.HANDLE_TIME.id(), "the host reports no handle time");
    return lowerIsBetter(
        Check.HANDLE_TIME.id(),
        minutes(handle),
        minutes(team.handleTimeTarget()),
        List.of(),
        1,
        "reported by the host");
  }

  private static CheckResult lowerIsBetter(
      String id,
      double value,
      Double target,
      List<Evidence> evidence,
      double confidence,
      String note) {
    Boolean pass = target == null ? null : value <= target;
    return new CheckResult(id, value, target, pass, evidence, confidence, note);
  }

  private static Double minutes(Duration d) {
    return d == null ? null : d.toMillis() / 60_000.0;
  }
}
