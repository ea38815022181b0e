package io.qccompanion.server.scorecards;

import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.domain.Invalid;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a scorecard draft; the first problem is reported with a JSON pointer to the field. */
final class DraftValidator {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  void validate(ScorecardDraft d) {
    Fields.required(d.name(), "/name");
    Fields.range(d.passMark(), 0, 100, "/passMark");
    Fields.notEmpty(d.sections(), "/sections");
    Set<String> ids = new HashSet<>();
    for (int s = 0; s < d.sections().size(); s++) {
      Section section = d.sections().get(s);
      String sp = "/sections/" + s;
      if (section == null) throw Invalid.malformed(sp, "section must not be null");
      Fields.required(section.name(), sp + "/name");
      Fields.notEmpty(section.criteria(), sp + "/criteria");
      for (int c = 0; c < section.criteria().size(); c++) {
        String cp = sp + "/criteria/" + c;
        Criterion criterion = section.criteria().get(c);
        if (criterion == null) throw Invalid.malformed(cp, "criterion must not be null");
        criterion(criterion, cp);
        if (!ids.add(criterion.id()))
          throw Invalid.malformed(
              cp + "/id", "criterion id '" + criterion.id() + "' is used twice in this scorecard");
      }
    }
  }

  private void criterion(Criterion c, String p) {
    Fields.required(c.id(), p + "/id");
    if (!SLUG.matcher(c.id()).matches())
      throw Invalid.malformed(
          p + "/id", "id must be a slug: lower-case letters, digits, '-' or '_' (max 64)");
    Fields.required(c.name(), p + "/name");
    Fields.required(c.scale(), p + "/scale");
    Fields.required(c.weight(), p + "/weight");
    if (!(c.weight() > 0) || c.weight().isInfinite())
      throw Invalid.malformed(p + "/weight", "weight must be greater than 0");
    if (c.scale() == Scale.POINTS) points(c.points(), p + "/points");
    else if (!c.points().isEmpty())
      throw Invalid.malformed(p + "/points", "points are only allowed on the POINTS scale");
    if (c.critical() && c.scale() == Scale.POINTS && distinct(c.points()) < 2)
      throw Invalid.malformed(
          p + "/critical", "a critical criterion must be able to fail: give at least two points");
    Set<String> causes = new HashSet<>();
    for (int i = 0; i < c.rootCauses().size(); i++) {
      String cause = Fields.required(c.rootCauses().get(i), p + "/rootCauses/" + i);
      if (!causes.add(cause))
        throw Invalid.malformed(
            p + "/rootCauses/" + i, "root cause '" + cause + "' is listed twice");
    }
  }

  private void points(List<Double> points, String p) {
    if (points.isEmpty())
      throw Invalid.malformed(p, "the POINTS scale needs a list of allowed point values");
    for (int i = 0; i < points.size(); i++) {
      Double v = points.get(i);
      if (v == null || v < 0 || v.isInfinite() || v.isNaN())
        throw Invalid.malformed(p + "/" + i, "point values must be numbers >= 0");
    }
    if (distinct(points) != points.size())
      throw Invalid.malformed(p, "point values must not repeat");
    if (points.stream().mapToDouble(Double::doubleValue).max().orElse(0) <= 0)
      throw Invalid.malformed(p, "the highest point value must be greater than 0");
  }

  private static long distinct(List<Double> points) {
    return points.stream().distinct().count();
  }
}
