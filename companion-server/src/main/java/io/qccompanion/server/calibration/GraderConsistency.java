package io.qccompanion.server.calibration;

import io.qccompanion.server.evaluations.EvaluationGateway;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Grader consistency over time: each QC's deviation from calibration benchmarks and the outcomes of
 * disputes about their evaluations (amended upward = they were too strict).
 */
public final class GraderConsistency {
  private final CalibrationService calibrations;
  private final EvaluationGateway evaluations;

  public GraderConsistency(CalibrationService calibrations, EvaluationGateway evaluations) {
    this.calibrations = calibrations;
    this.evaluations = evaluations;
  }

  /** One QC's figures; negative deviation = stricter than the benchmark. */
  public record Grader(
      String qcId,
      Double calibrationDeviation,
      int calibrationGrades,
      int evaluations,
      int disputed,
      int amendedUp,
      int amendedDown,
      int upheld,
      Double amendedUpShare,
      Double amendedDownShare) {}

  /** Per-session reports in [from, to) plus each QC's mean deviation over them. */
  public Map<String, Object> calibrationOverTime(Handle h, long from, long to) {
    List<Map<String, Object>> sessions = new ArrayList<>();
    Map<String, double[]> byQc = new TreeMap<>();
    for (String id : calibrations.sessionIds(h, from, to)) {
      CalibrationSession s = calibrations.require(h, id);
      if (!s.revealed()) continue;
      CalibrationReport r = report(h, s);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("sessionId", s.id());
      row.put("title", s.title());
      row.put("createdAt", s.createdAt());
      row.put("scoreAlpha", r.scoreAlpha());
      row.put("criteria", r.criteria());
      sessions.add(row);
      for (var g : r.qcs())
        if (g.meanScoreDeviation() != null) {
          double[] acc = byQc.computeIfAbsent(g.qcId(), k -> new double[2]);
          acc[0] += g.meanScoreDeviation() * g.graded();
          acc[1] += g.graded();
        }
    }
    Map<String, Double> deviation = new TreeMap<>();
    Map<String, Integer> graded = new TreeMap<>();
    byQc.forEach(
        (qc, acc) -> {
          deviation.put(qc, acc[0] / acc[1]);
          graded.put(qc, (int) acc[1]);
        });
    return Map.of("sessions", sessions, "qcDeviation", deviation, "qcGrades", graded);
  }

  /** Every QC ranked, with the strictest and most lenient named. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> report(Handle h, long from, long to) {
    Map<String, Object> calibration = calibrationOverTime(h, from, to);
    Map<String, Double> deviation = (Map<String, Double>) calibration.get("qcDeviation");
    Map<String, Integer> graded = (Map<String, Integer>) calibration.get("qcGrades");
    Map<String, int[]> counts = new TreeMap<>();
    h.createQuery(
            """
            SELECT qc_id, COUNT(*) AS n FROM evaluations
            WHERE kind = 'REGULAR' AND status <> 'DRAFT' AND submitted_at >= :f AND submitted_at < :t
            GROUP BY qc_id
            """)
        .bind("f", from)
        .bind("t", to)
        .map(
            (rs, ctx) ->
                counts.computeIfAbsent(rs.getString("qc_id"), k -> new int[5])[0] = rs.getInt("n"))
        .list();
    h.createQuery(
            """
            SELECT f.qc_id, f.status, f.score_before, f.score_after FROM feedback f
            JOIN evaluations e ON e.id = f.evaluation_id
            WHERE f.kind = 'DISPUTE' AND e.submitted_at >= :f AND e.submitted_at < :t
            """)
        .bind("f", from)
        .bind("t", to)
        .map(
            (rs, ctx) -> {
              int[] c = counts.computeIfAbsent(rs.getString("qc_id"), k -> new int[5]);
              c[1]++;
              String status = rs.getString("status");
              double before = rs.getDouble("score_before");
              double after = rs.getDouble("score_after");
              if ("AMENDED".equals(status) && after > before) c[2]++;
              else if ("AMENDED".equals(status) && after < before) c[3]++;
              else if ("UPHELD".equals(status)) c[4]++;
              return 0;
            })
        .list();
    for (String qc : deviation.keySet()) counts.computeIfAbsent(qc, k -> new int[5]);
    List<Grader> graders = new ArrayList<>();
    counts.forEach(
        (qc, c) ->
            graders.add(
                new Grader(
                    qc,
                    deviation.get(qc),
                    graded.getOrDefault(qc, 0),
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[0] == 0 ? null : (double) c[2] / c[0],
                    c[0] == 0 ? null : (double) c[3] / c[0])));
    Comparator<Grader> leniency =
        Comparator.comparingDouble(
            g ->
                g.calibrationDeviation() != null
                    ? g.calibrationDeviation()
                    : (g.amendedDown() - g.amendedUp()) * 1.0);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("qcs", graders);
    out.put("strictest", graders.stream().min(leniency).map(Grader::qcId).orElse(null));
    out.put("mostLenient", graders.stream().max(leniency).map(Grader::qcId).orElse(null));
    return out;
  }

  private CalibrationReport report(Handle h, CalibrationSession s) {
    var def = evaluations.definition(h, s.scorecardVersionId(), "/scorecardVersionId");
    return CalibrationReport.of(
        s.id(),
        def,
        calibrations.grades(h, s),
        calibrations.benchmarks(h, s.id()),
        answers -> {
          try {
            return evaluations.score(def, answers).score();
          } catch (RuntimeException incomplete) {
            return null;
          }
        });
  }
}
