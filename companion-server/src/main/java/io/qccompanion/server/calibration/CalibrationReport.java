package io.qccompanion.server.calibration;

import io.qccompanion.server.calibration.Agreement.Metric;
import io.qccompanion.server.evaluations.Evaluation;
import io.qccompanion.server.scorecards.Criterion;
import io.qccompanion.server.scorecards.Scale;
import io.qccompanion.server.scorecards.ScorecardDefinition;
import io.qccompanion.server.scorecards.Section;
import io.qccompanion.server.scoring.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The numbers of one calibration session: agreement and inter-rater reliability per criterion, and
 * each QC's deviation from the benchmark (score and per criterion; negative = stricter).
 */
record CalibrationReport(
    String sessionId,
    int tickets,
    int graders,
    Double scoreAlpha,
    List<CriterionAgreement> criteria,
    List<GraderDeviation> qcs) {

  /**
   * Agreement on one criterion across the session's tickets.
   *
   * @param metric the alpha metric: NOMINAL for binary, ORDINAL for 1-5, INTERVAL for points
   * @param pairwiseAgreement share of QC pairs on a ticket giving the same answer
   * @param benchmarkAgreement share of QC answers equal to the benchmark (null without one)
   * @param fleissKappa only when every ticket has the same number of (non-N/A) answers
   */
  public record CriterionAgreement(
      String criterionId,
      String name,
      String metric,
      Double alpha,
      Double fleissKappa,
      Double pairwiseAgreement,
      Double benchmarkAgreement) {}

  /**
   * One QC against the benchmark: mean signed and absolute score deviation (points of %), and per
   * criterion the share of answers matching the benchmark and the mean signed value deviation.
   */
  public record GraderDeviation(
      String qcId,
      int graded,
      Double meanScoreDeviation,
      Double meanAbsoluteScoreDeviation,
      Map<String, Double> criterionAgreement,
      Map<String, Double> criterionDeviation) {}

  /** Computes the report; {@code scoreOf} scores a benchmark's answers (null when incomplete). */
  static CalibrationReport of(
      String sessionId,
      ScorecardDefinition def,
      List<Evaluation> grades,
      Map<String, Map<String, Answer>> benchmarks,
      Function<Map<String, Answer>, Double> scoreOf) {
    Map<String, List<Evaluation>> byTicket = new TreeMap<>();
    for (Evaluation e : grades)
      byTicket.computeIfAbsent(e.ticketId(), k -> new ArrayList<>()).add(e);
    List<CriterionAgreement> criteria = new ArrayList<>();
    for (Section section : def.sections())
      for (Criterion c : section.criteria()) criteria.add(criterion(c, byTicket, benchmarks));
    List<List<Double>> scoreUnits = new ArrayList<>();
    for (List<Evaluation> es : byTicket.values())
      scoreUnits.add(es.stream().map(Evaluation::score).filter(s -> s != null).toList());
    Map<String, Double> benchmarkScores = new LinkedHashMap<>();
    benchmarks.forEach((t, a) -> benchmarkScores.put(t, scoreOf.apply(a)));
    Map<String, List<Evaluation>> byQc = new TreeMap<>();
    for (Evaluation e : grades) byQc.computeIfAbsent(e.qcId(), k -> new ArrayList<>()).add(e);
    List<GraderDeviation> qcs = new ArrayList<>();
    byQc.forEach((qc, es) -> qcs.add(grader(qc, es, benchmarks, benchmarkScores)));
    return new CalibrationReport(
        sessionId,
        byTicket.size(),
        byQc.size(),
        Agreement.krippendorffAlpha(scoreUnits, Metric.INTERVAL),
        criteria,
        qcs);
  }

  private static CriterionAgreement criterion(
      Criterion c,
      Map<String, List<Evaluation>> byTicket,
      Map<String, Map<String, Answer>> benchmarks) {
    List<List<Double>> units = new ArrayList<>();
    int pairs = 0;
    int agreeingPairs = 0;
    int withBenchmark = 0;
    int matchingBenchmark = 0;
    for (var entry : byTicket.entrySet()) {
      List<Double> values = new ArrayList<>();
      for (Evaluation e : entry.getValue()) {
        Answer a = e.answers().get(c.id());
        if (a != null && !a.na() && a.value() != null) values.add(a.value());
      }
      units.add(values);
      for (int i = 0; i < values.size(); i++)
        for (int j = i + 1; j < values.size(); j++) {
          pairs++;
          if (values.get(i).equals(values.get(j))) agreeingPairs++;
        }
      Answer bench = benchmarks.getOrDefault(entry.getKey(), Map.of()).get(c.id());
      if (bench != null && !bench.na() && bench.value() != null)
        for (Double v : values) {
          withBenchmark++;
          if (v.equals(bench.value())) matchingBenchmark++;
        }
    }
    Metric metric =
        c.scale() == Scale.BINARY
            ? Metric.NOMINAL
            : c.scale() == Scale.ONE_TO_FIVE ? Metric.ORDINAL : Metric.INTERVAL;
    return new CriterionAgreement(
        c.id(),
        c.name(),
        metric.name(),
        Agreement.krippendorffAlpha(units, metric),
        fleiss(units),
        pairs == 0 ? null : (double) agreeingPairs / pairs,
        withBenchmark == 0 ? null : (double) matchingBenchmark / withBenchmark);
  }

  private static Double fleiss(List<List<Double>> units) {
    if (units.isEmpty()) return null;
    int raters = units.get(0).size();
    TreeSet<Double> categories = new TreeSet<>();
    for (List<Double> u : units) {
      if (u.size() != raters) return null;
      categories.addAll(u);
    }
    if (raters < 2) return null;
    List<Double> cats = new ArrayList<>(categories);
    int[][] counts = new int[units.size()][cats.size()];
    for (int i = 0; i < units.size(); i++)
      for (Double v : units.get(i)) counts[i][cats.indexOf(v)]++;
    return Agreement.fleissKappa(counts);
  }

  private static GraderDeviation grader(
      String qc,
      List<Evaluation> es,
      Map<String, Map<String, Answer>> benchmarks,
      Map<String, Double> benchmarkScores) {
    double signed = 0;
    double absolute = 0;
    int scored = 0;
    Map<String, int[]> agreement = new TreeMap<>();
    Map<String, double[]> deviation = new TreeMap<>();
    for (Evaluation e : es) {
      Double bench = benchmarkScores.get(e.ticketId());
      if (bench != null && e.score() != null) {
        signed += e.score() - bench;
        absolute += Math.abs(e.score() - bench);
        scored++;
      }
      benchmarks
          .getOrDefault(e.ticketId(), Map.of())
          .forEach(
              (criterion, b) -> {
                Answer a = e.answers().get(criterion);
                if (a == null || a.na() || a.value() == null || b.na() || b.value() == null) return;
                int[] ag = agreement.computeIfAbsent(criterion, k -> new int[2]);
                ag[1]++;
                if (a.value().equals(b.value())) ag[0]++;
                double[] dv = deviation.computeIfAbsent(criterion, k -> new double[2]);
                dv[0] += a.value() - b.value();
                dv[1]++;
              });
    }
    Map<String, Double> agreementShare = new TreeMap<>();
    agreement.forEach((k, v) -> agreementShare.put(k, (double) v[0] / v[1]));
    Map<String, Double> meanDeviation = new TreeMap<>();
    deviation.forEach((k, v) -> meanDeviation.put(k, v[0] / v[1]));
    return new GraderDeviation(
        qc,
        es.size(),
        scored == 0 ? null : signed / scored,
        scored == 0 ? null : absolute / scored,
        agreementShare,
        meanDeviation);
  }
}
