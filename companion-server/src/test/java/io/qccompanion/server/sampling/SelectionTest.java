package io.qccompanion.server.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SelectionTest {
  static final Instant SOLVED = Instant.parse("2026-11-04T10:00:00Z");
  static final SamplingPolicy P = SamplingPolicy.DEFAULTS;

  static Candidate ticket(String id) {
    return new Candidate(
        id, "agent", "team", "email", SOLVED, "Hello", "UNOFFERED", 0, 60L, List.of());
  }

  static TierAssessment tier(Tier tier) {
    return new TierAssessment("agent", tier, List.of(), false, null);
  }

  static long selected(Tier tier, SamplingPolicy p) {
    return IntStream.range(0, 10_000)
        .mapToObj(i -> Selection.decide(ticket("ticket-" + i), tier(tier), p, 0))
        .filter(Selection.Outcome::selected)
        .count();
  }

  @Test
  void sameInputGivesSamePicksAndRateIsAccurate() {
    for (Tier t : Tier.values()) {
      long first = selected(t, P);
      assertThat(selected(t, P)).isEqualTo(first);
      // binomial sd at 25% over 10,000 is 0.43 points: 1.5 points is > 3 sd
      assertThat(first / 10_000.0).as(t.name()).isCloseTo(P.rates().of(t), within(0.015));
    }
  }

  @Test
  void seedChangesThePicksButNotTheRate() {
    var other = new SamplingPolicy("other seed", null, null, null, null, null).withDefaults(P);
    var a =
        IntStream.range(0, 1000)
            .filter(i -> Selection.decide(ticket("t" + i), tier(Tier.NEW), P, 0).selected())
            .boxed()
            .toList();
    var b =
        IntStream.range(0, 1000)
            .filter(i -> Selection.decide(ticket("t" + i), tier(Tier.NEW), other, 0).selected())
            .boxed()
            .toList();
    assertThat(a).isNotEqualTo(b);
    assertThat(b.size()).isBetween(200, 300);
  }

  @Test
  void raisedTierPicksAboveTheStandardRateAreMarkedRiskTier() {
    var outcomes =
        IntStream.range(0, 2000)
            .mapToObj(i -> Selection.decide(ticket("r" + i), tier(Tier.AT_RISK), P, 0))
            .filter(Selection.Outcome::selected)
            .toList();
    assertThat(outcomes).allMatch(o -> o.reasons().contains("RANDOM"));
    assertThat(outcomes).allMatch(o -> o.reasons().contains("RISK_TIER") == (o.draw() >= 0.08));
    assertThat(outcomes).anyMatch(o -> o.reasons().contains("RISK_TIER"));
  }

  @Test
  void eachTriggerSamplesAndIsNamed() {
    var p =
        new SamplingPolicy(
                null,
                new SamplingPolicy.Rates(0.0, 0.0, 0.0, 0.0),
                null,
                new SamplingPolicy.Triggers(true, true, 600L, List.of("Legal"), List.of("refund")),
                null,
                null)
            .withDefaults(P);
    var plain = ticket("x");
    assertThat(Selection.decide(plain, tier(Tier.STANDARD), p, 0).selected()).isFalse();
    assertThat(
            reasons(
                new Candidate("1", "a", "t", "email", SOLVED, "Hi", "BAD", 0, 60L, List.of()), p))
        .containsExactly("TRIGGER:bad_csat");
    assertThat(
            reasons(
                new Candidate("2", "a", "t", "email", SOLVED, "Hi", "GOOD", 2, 60L, List.of()), p))
        .containsExactly("TRIGGER:reopened");
    assertThat(
            reasons(
                new Candidate("3", "a", "t", "email", SOLVED, "Hi", "GOOD", 0, 601L, List.of()), p))
        .containsExactly("TRIGGER:handle_time");
    assertThat(
            reasons(
                new Candidate(
                    "4", "a", "t", "email", SOLVED, "Hi", "GOOD", 0, 60L, List.of("vip", "legal")),
                p))
        .containsExactly("TRIGGER:tag:legal");
    assertThat(
            reasons(
                new Candidate(
                    "5", "a", "t", "email", SOLVED, "REFUND please", "GOOD", 0, 60L, List.of()),
                p))
        .containsExactly("TRIGGER:keyword:refund");
    assertThat(
            reasons(
                new Candidate(
                    "6", "a", "t", "email", SOLVED, "Refunded twice", "GOOD", 0, 60L, List.of()),
                p))
        .as("whole words only")
        .isEmpty();
  }

  private static List<String> reasons(Candidate c, SamplingPolicy p) {
    return Selection.decide(c, tier(Tier.STANDARD), p, 0).reasons();
  }

  @Test
  void weeklyMaximumCapsRandomPicksButNotTriggers() {
    var all =
        new SamplingPolicy(
                null, new SamplingPolicy.Rates(1.0, 1.0, 1.0, 1.0), null, null, null, null)
            .withDefaults(P);
    var capped = Selection.decide(ticket("c"), tier(Tier.STANDARD), all, 15);
    assertThat(capped.selected()).isFalse();
    assertThat(capped.reasons()).containsExactly("CAPPED");
    var bad = new Candidate("b", "a", "t", "email", SOLVED, "Hi", "BAD", 0, 60L, List.of());
    var triggered = Selection.decide(bad, tier(Tier.STANDARD), all, 15);
    assertThat(triggered.selected()).isTrue();
    assertThat(triggered.overMax()).isTrue();
    assertThat(triggered.reasons()).containsExactly("TRIGGER:bad_csat", "CAPPED");
  }

  @Test
  void weeksStartMondayUtcAndDueDatesSkipWeekends() {
    assertThat(Weeks.start(Instant.parse("2026-11-08T23:59:00Z")))
        .isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    assertThat(Weeks.plusBusinessDays(Instant.parse("2026-11-05T10:00:00Z"), 3))
        .isEqualTo(Instant.parse("2026-11-10T10:00:00Z"));
    assertThat(Weeks.plusBusinessDays(Instant.parse("2026-11-07T10:00:00Z"), 1))
        .isEqualTo(Instant.parse("2026-11-10T00:00:00Z"));
  }
}
