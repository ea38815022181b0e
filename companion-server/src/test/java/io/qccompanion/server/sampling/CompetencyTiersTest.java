package io.qccompanion.server.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.sampling.CompetencyTiers.Scored;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompetencyTiersTest {
  static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
  static final Instant VETERAN = NOW.minus(Duration.ofDays(365));
  static final SamplingPolicy.Tiers T = SamplingPolicy.DEFAULTS.tiers();

  /** History oldest first, as it happens; the classifier wants latest first. */
  static List<Scored> history(double... scores) {
    List<Scored> out = new ArrayList<>();
    for (double s : scores) out.add(new Scored(s, false));
    Collections.reverse(out);
    return out;
  }

  static TierAssessment classify(
      Instant started, int count, List<Scored> recent, Instant critical) {
    return CompetencyTiers.classify("a", started, count, recent, critical, null, T, NOW);
  }

  @Test
  void newAgentIsNewUntilBothTicketsAndWeeksArePassed() {
    assertThat(classify(NOW.minus(Duration.ofDays(7)), 50, history(95, 95, 95), null).tier())
        .isEqualTo(Tier.NEW);
    assertThat(classify(VETERAN, 3, history(95, 95, 95), null).tier()).isEqualTo(Tier.NEW);
    assertThat(classify(VETERAN, 20, history(80, 85, 88), null).tier()).isEqualTo(Tier.STANDARD);
  }

  @Test
  void provenNeedsTheWholeWindowAtTargetWithoutCriticalFail() {
    double[] ten = {92, 95, 90, 99, 91, 93, 94, 96, 90, 97};
    assertThat(classify(VETERAN, 30, history(ten), null).tier()).isEqualTo(Tier.PROVEN);
    assertThat(classify(VETERAN, 30, history(95, 95, 95, 95, 95, 95, 95, 95, 95), null).tier())
        .as("only 9 of the 10 evaluations K needs")
        .isEqualTo(Tier.STANDARD);
    var withOldCritical = new ArrayList<>(history(ten));
    withOldCritical.set(9, new Scored(100, true));
    assertThat(classify(VETERAN, 30, withOldCritical, NOW.minus(Duration.ofDays(90))).tier())
        .as("critical fail inside the K window but older than D days")
        .isEqualTo(Tier.STANDARD);
  }

  @Test
  void lowRollingScoreMakesAgentAtRiskUntilRecovered() {
    var dropped = classify(VETERAN, 30, history(95, 95, 95, 95, 50, 50), null);
    assertThat(dropped.tier()).isEqualTo(Tier.AT_RISK);
    assertThat(dropped.reasons()).anyMatch(r -> r.startsWith("rolling mean"));
    var twoGood = classify(VETERAN, 30, history(95, 60, 70, 60, 92, 95), null);
    assertThat(twoGood.tier())
        .as("rolling mean still below and only 2 of 3 good")
        .isEqualTo(Tier.AT_RISK);
    var recovered = classify(VETERAN, 30, history(60, 70, 60, 92, 95, 90), null);
    assertThat(recovered.tier()).isEqualTo(Tier.STANDARD);
    assertThat(recovered.inputs().recovered()).isTrue();
  }

  @Test
  void recentCriticalFailMakesAgentAtRiskEvenWithHighMean() {
    var recent = new ArrayList<>(history(95, 95, 95, 95, 95, 95, 95, 95, 95, 95));
    recent.add(0, new Scored(0, true));
    var a = classify(VETERAN, 30, recent, NOW.minus(Duration.ofDays(2)));
    assertThat(a.tier()).isEqualTo(Tier.AT_RISK);
    assertThat(a.reasons()).anyMatch(r -> r.startsWith("critical fail"));
  }

  @Test
  void newAgentAtRiskIsSampledAtTheHigherRate() {
    var a = classify(NOW.minus(Duration.ofDays(3)), 2, history(40, 50), null);
    assertThat(a.tier()).isEqualTo(Tier.AT_RISK);
    assertThat(a.withinNewPeriod()).isTrue();
    assertThat(a.rate(SamplingPolicy.DEFAULTS.rates())).isEqualTo(0.25);
  }

  @Test
  void raisedSignalKeepsAgentAtRisk() {
    var a =
        CompetencyTiers.classify(
            "a",
            VETERAN,
            30,
            history(95, 95, 95, 95, 95, 95, 95, 95, 95, 95),
            null,
            "open action plan",
            T,
            NOW);
    assertThat(a.tier()).isEqualTo(Tier.AT_RISK);
    assertThat(a.reasons()).containsExactly("raised: open action plan");
  }
}
