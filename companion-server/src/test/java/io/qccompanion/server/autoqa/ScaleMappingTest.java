package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleMappingTest {
  static CheckResult value(double v, Boolean pass) {
    return new CheckResult("spelling_grammar", v, null, pass, List.of(), 1, "");
  }

  @Test
  void bandsMapErrorsPer100WordsToOneToFive() {
    ScaleMapping m = ScaleMapping.parse("bands <0.5:5 <1:4 <2:3 <4:2 else:1");
    assertThat(m.apply(value(0, null))).isEqualTo(5.0);
    assertThat(m.apply(value(0.5, null))).isEqualTo(4.0);
    assertThat(m.apply(value(1.99, null))).isEqualTo(3.0);
    assertThat(m.apply(value(3, null))).isEqualTo(2.0);
    assertThat(m.apply(value(12, null))).isEqualTo(1.0);
    assertThat(m.spec()).isEqualTo("bands <0.5:5 <1:4 <2:3 <4:2 else:1");
  }

  @Test
  void bandsWithLowerBoundsMapReadabilityAndBinaryThresholds() {
    ScaleMapping ease = ScaleMapping.parse("bands >=60:5 >=50:4 >=30:2 else:1");
    assertThat(ease.apply(value(72.4, null))).isEqualTo(5.0);
    assertThat(ease.apply(value(50, null))).isEqualTo(4.0);
    assertThat(ease.apply(value(10, null))).isEqualTo(1.0);
    ScaleMapping binary = ScaleMapping.parse("bands <=0:1 else:0");
    assertThat(binary.apply(value(0, null))).isEqualTo(1.0);
    assertThat(binary.apply(value(1, null))).isEqualTo(0.0);
  }

  @Test
  void targetUsesThePassFlagAndLinearClampsAndSteps() {
    ScaleMapping target = ScaleMapping.parse("target 1 0");
    assertThat(target.apply(value(30, true))).isEqualTo(1.0);
    assertThat(target.apply(value(300, false))).isEqualTo(0.0);
    ScaleMapping points = ScaleMapping.parse("linear 10 -2.5 0 10 5");
    assertThat(points.apply(value(0, null))).isEqualTo(10.0);
    assertThat(points.apply(value(1, null))).isEqualTo(10.0); // 7.5 rounds to 10
    assertThat(points.apply(value(1.2, null))).isEqualTo(5.0); // 7.0 rounds to 5
    assertThat(points.apply(value(9, null))).isEqualTo(0.0);
  }

  @Test
  void checksThatDoNotApplyMapToNa() {
    CheckResult na = CheckResult.notApplicable("apology", "the customer was not negative");
    assertThat(ScaleMapping.parse("target 1 0").apply(na)).isNull();
    assertThat(ScaleMapping.parse("bands <1:1 else:0").apply(na)).isNull();
  }

  @Test
  void rejectsBadSpecsWithAReason() {
    assertThatThrownBy(() -> ScaleMapping.parse("bands <1:5")).hasMessageContaining("else");
    assertThatThrownBy(() -> ScaleMapping.parse("bands ~1:5 else:1"))
        .hasMessageContaining("comparison");
    assertThatThrownBy(() -> ScaleMapping.parse("curve 1 2"))
        .hasMessageContaining("bands, target or linear");
    assertThatThrownBy(() -> ScaleMapping.parse("target x 0")).hasMessageContaining("bad number");
  }
}
