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
 * The numbers of one calibration session: agreement and inter-rater reliability per criterion (with
 * a 95 % bootstrap interval and Krippendorff's reading), each QC's deviation from the benchmark and
 * from their peers (negative = stricter), and the tickets the graders disagreed on most.
 *
 * @param scoreReading reliable (α ≥ 0.800), tentative (0.667–0.800) or unreliable
 */
record CalibrationReport(
    String sessionId,
    int tickets,
    int graders,
    Double scoreAlpha,
    Agreement.Interval scoreAlphaInterval,
    String scoreReading,
    List<CriterionAgreement> criteria,
    List<GraderDeviation> qcs,
    List<TicketDisagreement> disagreements) {

  /** Points of score a QC must be off, on average, to count as strict or lenient. */
  static final double LEANING_POINTS = 5.0;

  private static final int BOOTSTRAP_DRAWS = 1000;

  /**
   * One ticket's spread: highest minus lowest score and the criteria with differing answers.
   *
   * @param scoreSpread points of %, null with fewer than two scores
   */
  public record TicketDisagreement(
      String ticketId, int graders, Double scoreSpread, List<String> disputedCriteria) {}

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
      Agreement.Interval alphaInterval,
      String reading,
      Double fleissKappa,
      Double pairwiseAgreement,
      Double benchmarkAgreement) {}

  /**
   * One QC against the benchmark: mean signed and absolute score deviation (points of %), and per
   * criterion the share of answers matching the benchmark and the mean signed value deviation.
   *
   * @param meanPeerDeviation mean signed difference from the other graders' mean on the same ticket
   * @param leaning STRICT or LENIENT when {@link #LEANING_POINTS} or more off the benchmark (or,
   *     without one, the peers); IN_LINE otherwise; null without data
   */
  public record GraderDeviation(
      String qcId,
      int graded,
      Double meanScoreDeviation,
      Double meanAbsoluteScoreDeviation,
      Map<String, Double> criterionAgreement,
      Map<String, Double> criterionDeviation,
      Double meanPeerDeviation,
      String leaning) {}

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
    byQc.forEach(
        (qc, es) -> qcs.add(withPeers(grader(qc, es, benchmarks, benchmarkScores), byTicket)));
    Double alpha = Agreement.krippendorffAlpha(scoreUnits, Metric.INTERVAL);
    return new CalibrationReport(
        sessionId,
        byTicket.size(),
        byQc.size(),
        alpha,
        Agreement.bootstrapAlpha(
            scoreUnits, Metric.INTERVAL, BOOTSTRAP_DRAWS, sessionId.hashCode()),
        Agreement.reading(alpha),
        criteria,
        qcs,
        disagreements(def, byTicket));
  }

  private static GraderDeviation withPeers(
      GraderDeviation g, Map<String, List<Evaluation>> byTicket) {
    double sum = 0;
    int n = 0;
    for (List<Evaluation> es : byTicket.values()) {
      Evaluation own = es.stream().filter(e -> e.qcId().equals(g.qcId())).findFirst().orElse(null);
      if (own == null || own.score() == null) continue;
      var peers =
          es.stream()
              .filter(e -> !e.qcId().equals(g.qcId()) && e.score() != null)
              .mapToDouble(Evaluation::score)
              .average();
      if (peers.isEmpty()) continue;
      sum += own.score() - peers.getAsDouble();
      n++;
    }
    Double peer = n == 0 ? null : sum / n;
    Double basis = g.meanScoreDeviation() != null ? g.meanScoreDeviation() : peer;
    String leaning =
        basis == null
            ? null
            : basis <= -LEANING_POINTS ? "STRICT" : basis >= LEANING_POINTS ? "LENIENT" : "IN_LINE";
    return new GraderDeviation(
        g.qcId(),
        g.graded(),
        g.meanScoreDeviation(),
        g.meanAbsoluteScoreDeviation(),
        g.criterionAgreement(),
        g.criterionDeviation(),
        peer,
        leaning);
  }

  // Most disagreement first: widest score spread, then most criteria answered differently.
  private static List<TicketDisagreement> disagreements(
      ScorecardDefinition def, Map<String, List<Evaluation>> byTicket) {
    List<TicketDisagreement> out = new ArrayList<>();
    byTicket.forEach(
        (ticket, es) -> {
          var scores = es.stream().map(Evaluation::score).filter(s -> s != null).toList();
          Double spread =
              scores.size() < 2
                  ? null
                  : scores.stream().mapToDouble(Double::doubleValue).max().getAsDouble()
                      - scores.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
          List<String> differing = new ArrayList<>();
          for (Section section : def.sections())
            for (Criterion c : section.criteria()) {
              var values =
                  es.stream()
                      .map(e -> e.answers().get(c.id()))
                      .filter(a -> a != null)
                      .map(a -> a.na() ? "N/A" : String.valueOf(a.value()))
                      .distinct()
                      .count();
              if (values > 1) differing.add(c.id());
            }
          out.add(new TicketDisagreement(ticket, es.size(), spread, differing));
        });
    out.sort(
        java.util.Comparator.comparing(
                (TicketDisagreement t) -> t.scoreSpread() == null ? -1 : t.scoreSpread())
            .thenComparing(t -> t.disputedCriteria().size())
            .reversed()
            .thenComparing(TicketDisagreement::ticketId));
    return out;
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
    Double alpha = Agreement.krippendorffAlpha(units, metric);
    return new CriterionAgreement(
        c.id(),
        c.name(),
        metric.name(),
        alpha,
        Agreement.bootstrapAlpha(units, metric, BOOTSTRAP_DRAWS, c.id().hashCode()),
        Agreement.reading(alpha),
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
        meanDeviation,
        null,
        null);
  }
}
