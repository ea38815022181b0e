package io.qccompanion.server.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qccompanion.server.calibration.Agreement.Metric;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4-observer, 12-unit
  // example with missing values (null).
  private static final Double[][] KRIPPENDORFF_2011 = {
    {1d, 2d, 3d, 3d, 2d, 1d, 4d, 1d, 2d, null, null, null},
    {1d, 2d, 3d, 3d, 2d, 2d, 4d, 1d, 2d, 5d, null, 3d},
    {null, 3d, 3d, 3d, 2d, 3d, 4d, 2d, 2d, 5d, 1d, null},
    {1d, 2d, 3d, 3d, 2d, 4d, 4d, 1d, 2d, 5d, 1d, null}
  };

  private static List<List<Double>> units(Double[][] byObserver) {
    List<List<Double>> units = new ArrayList<>();
    for (int u = 0; u < byObserver[0].length; u++) {
      List<Double> values = new ArrayList<>();
      for (Double[] observer : byObserver) if (observer[u] != null) values.add(observer[u]);
      units.add(values);
    }
    return units;
  }

  @Test
  void krippendorffNominalAlphaMatchesThePublishedExample() {
    assertThat(Agreement.krippendorffAlpha(units(KRIPPENDORFF_2011), Metric.NOMINAL))
        .isCloseTo(0.743, within(0.0005));
  }

  @Test
  void krippendorffIntervalAlphaMatchesThePublishedExample() {
    assertThat(Agreement.krippendorffAlpha(units(KRIPPENDORFF_2011), Metric.INTERVAL))
        .isCloseTo(0.849, within(0.0005));
  }

  @Test
  void krippendorffOrdinalAlphaMatchesThePublishedExample() {
    assertThat(Agreement.krippendorffAlpha(units(KRIPPENDORFF_2011), Metric.ORDINAL))
        .isCloseTo(0.815, within(0.0005));
  }

  @Test
  void perfectAgreementGivesAlphaOne() {
    var units = List.of(List.of(1d, 1d, 1d), List.of(0d, 0d), List.of(1d, 1d));
    assertThat(Agreement.krippendorffAlpha(units, Metric.NOMINAL)).isEqualTo(1.0);
  }

  @Test
  void alphaIsUndefinedWhenEveryoneGaveTheSameSingleValue() {
    assertThat(Agreement.krippendorffAlpha(List.of(List.of(1d, 1d)), Metric.NOMINAL)).isNull();
  }

  @Test
  void fleissKappaMatchesTheWorkedExampleOfTenSubjectsFourteenRaters() {
    int[][] counts = {
      {0, 0, 0, 0, 14},
      {0, 2, 6, 4, 2},
      {0, 0, 3, 5, 6},
      {0, 3, 9, 2, 0},
      {2, 2, 8, 1, 1},
      {7, 7, 0, 0, 0},
      {3, 2, 6, 3, 0},
      {2, 5, 3, 2, 2},
      {6, 5, 2, 1, 0},
      {0, 2, 2, 3, 7}
    };
    assertThat(Agreement.fleissKappa(counts)).isCloseTo(0.210, within(0.0005));
  }
}
