package io.qccompanion.server.autoqa;

import static io.qccompanion.server.autoqa.LanguageChecks.round;

import java.util.ArrayList;
import java.util.List;

/**
 * Greeting, closing, empathy, apology and escalation phrases, and customer sentiment. Greeting and
 * closing are position-aware: a greeting counts only near the start of the first agent reply, a
 * closing only near the end of the last one.
 */
final class PhraseChecks {
  /** A greeting must start within this many characters of the first reply's first word. */
  public static final int GREETING_WINDOW = 40;

  /** A closing must end within this many characters of the last reply's last word. */
  public static final int CLOSING_WINDOW = 160;

  /** VADER's threshold for a negative text. */
  public static final double NEGATIVE = -0.05;

  private final PhraseBook phrases;
  private final Sentiment sentiment;
  private final double confidence;

  /**
   * @param exact false when the language has no phrase set of its own and the default one is used
   */
  public PhraseChecks(PhraseBook phrases, Sentiment sentiment, boolean exact) {
    this.phrases = phrases;
    this.sentiment = sentiment;
    this.confidence = exact ? 1 : 0.5;
  }

  public CheckResult greeting(ConversationView view) {
    List<Integer> replies = view.agentReplies();
    if (replies.isEmpty()) return CheckResult.notApplicable(Check.GREETING.id(), "no agent reply");
    int first = replies.get(0);
    ReadableText t = view.text(first);
    int from = ConversationView.firstVisible(t);
    for (PhraseBook.Hit h : phrases.find("greeting", t))
      if (h.start() - from <= GREETING_WINDOW) return present(Check.GREETING, first, t, h, 0.9);
    return absent(Check.GREETING, "no greeting at the start of the first reply", 0.8);
  }

  public CheckResult closing(ConversationView view) {
    List<Integer> replies = view.agentReplies();
    if (replies.isEmpty()) return CheckResult.notApplicable(Check.CLOSING.id(), "no agent reply");
    int last = replies.get(replies.size() - 1);
    ReadableText t = view.text(last);
    int to = ConversationView.lastVisible(t);
    List<PhraseBook.Hit> hits = phrases.find("closing", t);
    for (int k = hits.size() - 1; k >= 0; k--)
      if (to - hits.get(k).end() <= CLOSING_WINDOW)
        return present(Check.CLOSING, last, t, hits.get(k), 0.9);
    return absent(Check.CLOSING, "no closing at the end of the last reply", 0.8);
  }

  public CheckResult empathy(ConversationView view) {
    List<Integer> replies = view.agentReplies();
    if (replies.isEmpty()) return CheckResult.notApplicable(Check.EMPATHY.id(), "no agent reply");
    List<Evidence> evidence = new ArrayList<>();
    for (int i : replies)
      evidence.addAll(evidence(i, view.text(i), phrases.find("empathy", view.text(i))));
    return new CheckResult(
        Check.EMPATHY.id(),
        (double) evidence.size(),
        null,
        !evidence.isEmpty(),
        evidence,
        round(0.7 * confidence),
        evidence.isEmpty() ? "no empathy or acknowledgement phrase" : "");
  }

  public CheckResult apology(ConversationView view) {
    String id = Check.APOLOGY.id();
    int negative = -1;
    Sentiment.Score score = null;
    for (int i : view.customerMessages()) {
      Sentiment.Score s = sentiment.score(view.text(i));
      if (s.compound() <= NEGATIVE) {
        negative = i;
        score = s;
        break;
      }
    }
    if (negative < 0) return CheckResult.notApplicable(id, "the customer was not negative");
    List<Evidence> evidence =
        new ArrayList<>(evidence(negative, view.text(negative), score.words()));
    for (int i : view.agentReplies()) {
      if (i < negative) continue;
      List<PhraseBook.Hit> hits = phrases.find("apology", view.text(i));
      if (!hits.isEmpty()) {
        evidence.addAll(evidence(i, view.text(i), hits.subList(0, 1)));
        return new CheckResult(id, 1.0, null, true, evidence, round(0.75 * confidence), "");
      }
    }
    return new CheckResult(
        id,
        0.0,
        null,
        false,
        evidence,
        round(0.7 * confidence),
        "no apology after the customer's negative message");
  }

  public CheckResult escalation(ConversationView view) {
    List<Evidence> evidence = new ArrayList<>();
    for (int i : view.customerMessages())
      evidence.addAll(evidence(i, view.text(i), phrases.find("escalation", view.text(i))));
    return new CheckResult(
        Check.ESCALATION.id(),
        (double) evidence.size(),
        null,
        evidence.isEmpty(),
        evidence,
        round(0.8 * confidence),
        "");
  }

  /** Compound of the last customer message, and the change since the first. */
  public List<CheckResult> sentiment(ConversationView view) {
    List<Integer> customer = view.customerMessages();
    if (customer.isEmpty())
      return List.of(
          CheckResult.notApplicable(Check.SENTIMENT_END.id(), "no customer message"),
          CheckResult.notApplicable(Check.SENTIMENT_SHIFT.id(), "no customer message"));
    int first = customer.get(0);
    int last = customer.get(customer.size() - 1);
    Sentiment.Score start = sentiment.score(view.text(first));
    Sentiment.Score end = sentiment.score(view.text(last));
    double endConfidence = round(Math.min(1, 0.4 + 0.2 * end.words().size()) * confidence);
    CheckResult endResult =
        new CheckResult(
            Check.SENTIMENT_END.id(),
            round4(end.compound()),
            null,
            end.compound() > NEGATIVE,
            evidence(last, view.text(last), end.words()),
            endConfidence,
            end.words().isEmpty() ? "no sentiment word in the last customer message" : "");
    if (first == last)
      return List.of(
          endResult, CheckResult.notApplicable(Check.SENTIMENT_SHIFT.id(), "one customer message"));
    double shift = round4(end.compound() - start.compound());
    List<Evidence> both = new ArrayList<>(evidence(first, view.text(first), start.words()));
    both.addAll(endResult.evidence());
    double shiftConfidence =
        round(Math.min(1, 0.4 + 0.1 * (start.words().size() + end.words().size())) * confidence);
    String note = "start %.3f, end %.3f".formatted(start.compound(), end.compound());
    return List.of(
        endResult,
        new CheckResult(
            Check.SENTIMENT_SHIFT.id(), shift, null, shift >= 0, both, shiftConfidence, note));
  }

  private CheckResult present(
      Check check, int message, ReadableText t, PhraseBook.Hit hit, double c) {
    return new CheckResult(
        check.id(), 1.0, null, true, evidence(message, t, List.of(hit)), round(c * confidence), "");
  }

  private CheckResult absent(Check check, String note, double c) {
    return new CheckResult(check.id(), 0.0, null, false, List.of(), round(c * confidence), note);
  }

  private static List<Evidence> evidence(int message, ReadableText t, List<PhraseBook.Hit> hits) {
    List<Evidence> out = new ArrayList<>();
    for (PhraseBook.Hit h : hits)
      out.add(
          new Evidence(
              message, h.start(), h.end(), h.ruleId(), t.text().substring(h.start(), h.end()), ""));
    return out;
  }

  private static double round4(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
