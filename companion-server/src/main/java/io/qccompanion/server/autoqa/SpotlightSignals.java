package io.qccompanion.server.autoqa;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Automatic signals that make a ticket worth a human look, as sampling reasons: {@code
 * AUTOQA:low_score} (three or more of greeting, closing, empathy, apology and spelling — at most 2
 * errors per 100 words — failed), {@code AUTOQA:negative_sentiment} (the customer's last message is
 * negative), {@code AUTOQA:sla_breach} (first reply or longest wait over the team target) and
 * {@code AUTOQA:escalation} (escalation words from the customer).
 */
public final class SpotlightSignals {
  /** Receives the signals of a scored ticket inside the transaction that stored its result. */
  @FunctionalInterface
  public interface Sink {
    void raise(Handle h, String ticketId, List<String> reasons);
  }

  public static final String PREFIX = "AUTOQA:";

  /** Spelling and grammar errors per 100 words above which the language counts as failed. */
  public static final double MAX_ERRORS = 2;

  private SpotlightSignals() {}

  /** The signals of a result, in a fixed order. */
  public static List<String> of(AutoQaResult r) {
    List<String> out = new ArrayList<>();
    int failed = 0;
    for (Check c : List.of(Check.GREETING, Check.CLOSING, Check.EMPATHY, Check.APOLOGY))
      if (Boolean.FALSE.equals(r.check(c).pass())) failed++;
    CheckResult spelling = r.check(Check.SPELLING_GRAMMAR);
    if (spelling.applies() && spelling.value() > MAX_ERRORS) failed++;
    if (failed >= 3) out.add(PREFIX + "low_score");
    if (Boolean.FALSE.equals(r.check(Check.SENTIMENT_END).pass()))
      out.add(PREFIX + "negative_sentiment");
    if (Boolean.FALSE.equals(r.check(Check.FIRST_REPLY).pass())
        || Boolean.FALSE.equals(r.check(Check.LONGEST_WAIT).pass())) out.add(PREFIX + "sla_breach");
    if (Boolean.FALSE.equals(r.check(Check.ESCALATION).pass())) out.add(PREFIX + "escalation");
    return out;
  }
}
