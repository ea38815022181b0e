package io.qccompanion.server.summaries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Flat CSV columns for each summary table. */
final class SummaryCsv {
  private SummaryCsv() {}

  static final List<String> ROW_HEADER;

  static {
    List<String> h =
        new ArrayList<>(List.of("groupKey", "groupLabel", "bucketStart", "evaluations"));
    h.addAll(kpiHeader("qualityPercent"));
    h.addAll(List.of("passRatePercent", "criticalFails"));
    for (String band : QualityStats.BAND_LABELS) h.add("score" + band.replace('-', '_'));
    h.addAll(List.of("failed", "failRatePercent", "ticketsClosed"));
    h.addAll(kpiHeader("csatPercent"));
    h.add("csatRated");
    h.addAll(kpiHeader("fcrPercent"));
    h.addAll(kpiHeader("ahtMinutesMean"));
    h.addAll(List.of("ahtMinutesP50", "ahtMinutesP90", "coveragePercent", "offTarget"));
    h.addAll(
        List.of(
            "weightedQualityPercent",
            "weightedQualityLow",
            "weightedQualityHigh",
            "weightedEffectiveSampleSize"));
    ROW_HEADER = List.copyOf(h);
  }

  private static List<String> kpiHeader(String name) {
    return List.of(name, name + "Target", name + "OnTarget", name + "Previous", name + "Delta");
  }

  static List<Object> row(SummaryRow r) {
    List<Object> v =
        new ArrayList<>(
            Arrays.asList(r.groupKey(), r.groupLabel(), r.bucketStart(), r.evaluations()));
    kpi(v, r.qualityPercent());
    v.add(r.passRatePercent());
    v.add(r.criticalFails());
    for (String band : QualityStats.BAND_LABELS)
      v.add(r.scoreDistribution() == null ? null : r.scoreDistribution().get(band));
    v.addAll(Arrays.asList(r.failed(), r.failRatePercent(), r.ticketsClosed()));
    kpi(v, r.csatPercent());
    v.add(r.csatRated());
    kpi(v, r.fcrPercent());
    kpi(v, r.ahtMinutesMean());
    v.addAll(Arrays.asList(r.ahtMinutesP50(), r.ahtMinutesP90(), r.coveragePercent()));
    v.add(String.join(";", r.offTarget()));
    WeightedKpi w = r.weightedQuality();
    v.addAll(
        w == null
            ? Arrays.asList(null, null, null, null)
            : Arrays.asList(w.weightedPercent(), w.low(), w.high(), w.effectiveSampleSize()));
    return v;
  }

  private static void kpi(List<Object> v, Kpi k) {
    if (k == null) {
      v.addAll(Arrays.asList(null, null, null, null, null));
    } else {
      v.addAll(Arrays.asList(k.value(), k.target(), k.onTarget(), k.previous(), k.delta()));
    }
  }
}
