package io.qccompanion.server.scorecards;

import java.util.List;

/**
 * One question of a scorecard.
 *
 * @param id stable slug, unique within the scorecard; answers and summaries refer to it
 * @param points allowed point values, only for {@link Scale#POINTS}
 * @param weight relative weight in the score, greater than 0
 * @param naAllowed may be answered N/A (false when omitted, like critical and compliance)
 * @param critical a failure sets the whole score to 0 and raises a compliance flag
 * @param compliance a failure raises a compliance flag without zeroing the score
 * @param rootCauses options the QC may pick from when the criterion fails
 */
public record Criterion(
    String id,
    String name,
    String guidance,
    Scale scale,
    List<Double> points,
    Double weight,
    Boolean naAllowed,
    Boolean critical,
    Boolean compliance,
    List<String> rootCauses) {

  public Criterion {
    naAllowed = naAllowed != null && naAllowed;
    critical = critical != null && critical;
    compliance = compliance != null && compliance;
    points = points == null ? List.of() : List.copyOf(points);
    rootCauses = rootCauses == null ? List.of() : List.copyOf(rootCauses);
  }

  /** Full marks: 1 for binary and 1-5 (ratios only matter), the highest value for points. */
  public double maxPoints() {
    if (scale != Scale.POINTS) return 1;
    return points.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }
}
