package io.qccompanion.server.sampling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The pure selection rules for one candidate: triggers, the deterministic draw and the cap. */
final class Selection {
  static final String RANDOM = "RANDOM";
  static final String RISK_TIER = "RISK_TIER";
  static final String QUOTA_TOPUP = "QUOTA_TOPUP";
  static final String MANUAL = "MANUAL";
  static final String REPLACEMENT = "REPLACEMENT";

  /** On a decision not selected: the draw picked it but the weekly maximum was reached. */
  static final String CAPPED = "CAPPED";

  private Selection() {}

  /**
   * A decision before it is stored.
   *
   * @param overMax selected by a trigger although the agent's weekly maximum was reached
   * @param inclusionProbability the chance the design gave this ticket: 1 when a trigger fires
   *     (triggers always sample), else the tier's rate; summaries weight by its inverse
   */
  record Outcome(
      Candidate candidate,
      boolean selected,
      List<String> reasons,
      Tier tier,
      double draw,
      boolean overMax,
      double inclusionProbability) {
    Instant weekStart() {
      return Weeks.start(candidate.solvedAt());
    }

    String stratum() {
      return Selection.stratum(candidate.agentId(), weekStart(), candidate.channel());
    }
  }

  /** The stratum a replacement is drawn from: agent, ISO week and channel. */
  static String stratum(String agentId, Instant weekStart, String channel) {
    return agentId
        + "|"
        + weekStart.toString().substring(0, 10)
        + "|"
        + (channel == null ? "-" : channel);
  }

  /** Decides {@code c} for an agent who already has {@code selectedThisWeek} selections. */
  static Outcome decide(Candidate c, TierAssessment tier, SamplingPolicy p, int selectedThisWeek) {
    List<String> reasons = new ArrayList<>();
    double draw = Draw.of(p.seed(), c.ticketId());
    boolean drawn = draw < tier.rate(p.rates());
    boolean full = selectedThisWeek >= p.quota().maxPerWeek();
    if (drawn && !full) {
      reasons.add(RANDOM);
      if (draw >= p.rates().standard()) reasons.add(RISK_TIER);
    }
    List<String> triggers = triggers(c, p.triggers());
    reasons.addAll(triggers);
    boolean selected = !reasons.isEmpty();
    if (drawn && full) reasons.add(CAPPED);
    double probability = triggers.isEmpty() ? tier.rate(p.rates()) : 1;
    return new Outcome(
        c, selected, reasons, tier.tier(), draw, full && !triggers.isEmpty(), probability);
  }

  /** The names of the triggers {@code c} fires, as {@code TRIGGER:<name>}. */
  static List<String> triggers(Candidate c, SamplingPolicy.Triggers t) {
    List<String> fired = new ArrayList<>();
    if (t.badCsat() && "BAD".equalsIgnoreCase(c.csatRating())) fired.add("TRIGGER:bad_csat");
    if (t.reopened() && c.reopenCount() > 0) fired.add("TRIGGER:reopened");
    if (t.handleTimeSeconds() > 0
        && c.handleTimeSeconds() != null
        && c.handleTimeSeconds() > t.handleTimeSeconds()) fired.add("TRIGGER:handle_time");
    for (String tag : t.tags())
      if (c.tags().stream().anyMatch(tag::equalsIgnoreCase))
        fired.add("TRIGGER:tag:" + tag.toLowerCase(Locale.ROOT));
    for (String word : t.keywords())
      if (c.subject() != null && containsWord(c.subject(), word))
        fired.add("TRIGGER:keyword:" + word.toLowerCase(Locale.ROOT));
    return fired;
  }

  private static boolean containsWord(String text, String word) {
    return Pattern.compile(
            "(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
        .matcher(text)
        .find();
  }

  /** Whether a week's top-up is due at {@code now}: within {@code topUpDays} of its end. */
  static boolean topUpDue(Instant weekStart, SamplingPolicy p, Instant now) {
    Instant end = weekStart.plus(Weeks.WEEK);
    return !now.isBefore(end.minus(java.time.Duration.ofDays(p.quota().topUpDays())));
  }
}
