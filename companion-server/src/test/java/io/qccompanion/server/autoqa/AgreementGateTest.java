package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qccompanion.server.autoqa.AgreementGate.Pair;
import io.qccompanion.server.autoqa.AgreementGate.State;
import io.qccompanion.server.calibration.Agreement.Metric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementGateTest {
  /** 4 × (1,1), 3 × (0,0), 2 × (auto 1, human 0), 1 × (auto 0, human 1), repeated. */
  static List<Pair> binary(int repeat) {
    List<Pair> pairs = new ArrayList<>();
    for (int r = 0; r < repeat; r++) {
      for (int i = 0; i < 4; i++) pairs.add(new Pair(1, 1));
      for (int i = 0; i < 3; i++) pairs.add(new Pair(0, 0));
      for (int i = 0; i < 2; i++) pairs.add(new Pair(1, 0));
      pairs.add(new Pair(0, 1));
    }
    return pairs;
  }

  @Test
  void alphaAndConfusionMatchTheHandComputation() {
    // Coincidences: o00 = 6, o11 = 8, o01 = o10 = 3; n0 = 9, n1 = 11, n = 20.
    // alpha = 1 - (n - 1) * (o01 + o10) / (2 * n0 * n1) = 1 - 19 * 6 / 198 = 14/33.
    AgreementGate.Report r = AgreementGate.defaults().evaluate(binary(1), Metric.NOMINAL);
    assertThat(r.alpha()).isCloseTo(14.0 / 33, within(1e-12));
    assertThat(r.values()).containsExactly(0.0, 1.0);
    assertThat(r.confusion()[0]).containsExactly(3, 1);
    assertThat(r.confusion()[1]).containsExactly(2, 4);
    assertThat(r.pairs()).isEqualTo(10);
    assertThat(r.low()).isLessThan(r.alpha());
    assertThat(r.high()).isGreaterThan(r.alpha());
    assertThat(r.state()).isEqualTo(State.SUGGESTION_ONLY);
    assertThat(r.reason()).isEqualTo("10 of 200 double-scored tickets");
  }

  @Test
  void enoughTicketsButLowAlphaStaysASuggestion() {
    // 200 units: n = 400, o01 + o10 = 120, n0 = 180, n1 = 220: alpha = 1 - 399 * 120 / 79200.
    AgreementGate.Report r = AgreementGate.defaults().evaluate(binary(20), Metric.NOMINAL);
    assertThat(r.alpha()).isCloseTo(87.0 / 220, within(1e-12));
    assertThat(r.state()).isEqualTo(State.SUGGESTION_ONLY);
    assertThat(r.reason()).startsWith("alpha 0.395 below 0.667");
    // the interval narrows with 20 times the tickets and still holds alpha
    AgreementGate.Report small = AgreementGate.defaults().evaluate(binary(1), Metric.NOMINAL);
    assertThat(r.high() - r.low()).isLessThan((small.high() - small.low()) / 2);
    assertThat(r.low()).isLessThan(r.alpha());
    assertThat(r.high()).isGreaterThan(r.alpha());
  }

  @Test
  void opensAtTheThresholdOnEnoughTickets() {
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < 200; i++) pairs.add(new Pair(1 + i % 5, 1 + i % 5));
    pairs.set(0, new Pair(1, 2));
    AgreementGate.Report r = AgreementGate.defaults().evaluate(pairs, Metric.ORDINAL);
    assertThat(r.alpha()).isGreaterThan(0.99);
    assertThat(r.state()).isEqualTo(State.OPEN);
    AgreementGate.Report fewer =
        AgreementGate.defaults().evaluate(pairs.subList(0, 199), Metric.ORDINAL);
    assertThat(fewer.state()).isEqualTo(State.SUGGESTION_ONLY);
  }

  @Test
  void theIntervalIsReproducible() {
    AgreementGate.Report a = AgreementGate.defaults().evaluate(binary(3), Metric.NOMINAL);
    AgreementGate.Report b = AgreementGate.defaults().evaluate(binary(3), Metric.NOMINAL);
    assertThat(b.low()).isEqualTo(a.low());
    assertThat(b.high()).isEqualTo(a.high());
    AgreementGate.Report otherSeed =
        new AgreementGate(0.667, 200, 1000, 7).evaluate(binary(3), Metric.NOMINAL);
    assertThat(otherSeed.alpha()).isEqualTo(a.alpha());
  }

  @Test
  void percentileInterpolatesBetweenRanks() {
    double[] sorted = {1, 2, 3, 4, 5};
    assertThat(AgreementGate.percentile(sorted, 0.5)).isEqualTo(3);
    assertThat(AgreementGate.percentile(sorted, 0.025)).isCloseTo(1.1, within(1e-12));
    assertThat(AgreementGate.percentile(sorted, 0.975)).isCloseTo(4.9, within(1e-12));
  }

  @Test
  void noVariationHasNoAlpha() {
    AgreementGate.Report r =
        AgreementGate.defaults().evaluate(List.of(new Pair(1, 1), new Pair(1, 1)), Metric.NOMINAL);
    assertThat(r.alpha()).isNull();
    assertThat(r.low()).isNull();
    assertThat(r.state()).isEqualTo(State.SUGGESTION_ONLY);
  }
}
