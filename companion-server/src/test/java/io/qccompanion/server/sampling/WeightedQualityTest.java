package io.qccompanion.server.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qccompanion.server.sampling.WeightedQuality.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedQualityTest {
  @Test
  void matchesTheHandComputationOnThreeEvaluations() {
    // weights 2, 1, 4: N^ = 7, Hajek = (160 + 60 + 400) / 7 = 620/7.
    // residuals -60/7, -200/7, 80/7; (1-p)/p^2 = 2, 0, 12:
    // V = (2 * 3600 + 12 * 6400) / 49 / 49 = 84000 / 2401.
    List<Observation> sample =
        List.of(new Observation(80, 0.5), new Observation(60, 1), new Observation(100, 0.25));
    WeightedQuality q = WeightedQuality.estimate(sample, 10L);
    assertThat(q.n()).isEqualTo(3);
    assertThat(q.plainMean()).isEqualTo(80);
    double plainHalf = WeightedQuality.Z95 * 20 / Math.sqrt(3);
    assertThat(q.plainLow()).isCloseTo(80 - plainHalf, within(1e-9));
    assertThat(q.weightedMean()).isCloseTo(620.0 / 7, within(1e-9));
    double half = WeightedQuality.Z95 * Math.sqrt(84000.0 / 2401);
    assertThat(q.weightedLow()).isCloseTo(620.0 / 7 - half, within(1e-9));
    assertThat(q.weightedHigh()).isCloseTo(620.0 / 7 + half, within(1e-9));
    assertThat(q.effectiveSampleSize()).isCloseTo(49.0 / 21, within(1e-12));
    assertThat(q.htMean()).isCloseTo(62.0, within(1e-9));
  }

  @Test
  void equalProbabilitiesGiveThePlainMean() {
    List<Observation> sample = List.of(new Observation(70, 0.1), new Observation(90, 0.1));
    WeightedQuality q = WeightedQuality.estimate(sample, null);
    assertThat(q.weightedMean()).isCloseTo(80, within(1e-9));
    assertThat(q.effectiveSampleSize()).isCloseTo(2, within(1e-12));
    assertThat(q.htMean()).isNull();
    assertThat(WeightedQuality.estimate(List.of(), null)).isNull();
  }

  @Test
  void sampleSizeForAPrecisionMatchesTheHandComputation() {
    // n0 = (1.96 * 15 / 5)^2 = 34.57 -> 35; with N = 200: 34.57 / (1 + 33.57/200) = 29.6 -> 30
    assertThat(WeightedQuality.sampleSize(15, 5, null)).isEqualTo(35);
    assertThat(WeightedQuality.sampleSize(15, 5, 200L)).isEqualTo(30);
    assertThat(WeightedQuality.sampleSize(15, 5, 10L)).isEqualTo(8);
    assertThat(WeightedQuality.sampleSize(0, 5, null)).isEqualTo(1);
  }

  /**
   * Risk-based sampling reviews weak agents at 30 % and strong ones at 3 %: the plain sample mean
   * then sits far below the true quality, the weighted one on it, run after run.
   */
  @Test
  void plainMeanIsBiasedUnderRiskBasedSamplingAndTheWeightedOneIsNot() {
    SplittableRandom random = new SplittableRandom(42);
    int runs = 200;
    double plainBias = 0;
    double weightedBias = 0;
    int covered = 0;
    for (int run = 0; run < runs; run++) {
      double truth = 0;
      int population = 5000;
      List<Observation> sample = new ArrayList<>();
      for (int t = 0; t < population; t++) {
        boolean weak = t % 5 == 0; // one agent in five is at risk
        double score = Math.max(0, Math.min(100, (weak ? 70 : 95) + random.nextGaussian() * 8));
        truth += score;
        double p = weak ? 0.30 : 0.03;
        if (random.nextDouble() < p) sample.add(new Observation(score, p));
      }
      truth /= population;
      WeightedQuality q = WeightedQuality.estimate(sample, (long) population);
      plainBias += q.plainMean() - truth;
      weightedBias += q.weightedMean() - truth;
      if (q.weightedLow() <= truth && truth <= q.weightedHigh()) covered++;
    }
    plainBias /= runs;
    weightedBias /= runs;
    // expected plain mean: (0.2*0.3*70 + 0.8*0.03*95) / (0.2*0.3 + 0.8*0.03) = 77.1 vs truth 90
    assertThat(plainBias).isLessThan(-10);
    assertThat(Math.abs(weightedBias)).isLessThan(0.5);
    assertThat(covered / (double) runs).isBetween(0.90, 0.99);
  }
}
