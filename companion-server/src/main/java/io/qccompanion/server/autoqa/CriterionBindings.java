package io.qccompanion.server.autoqa;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.calibration.Agreement;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.scorecards.Criterion;
import io.qccompanion.server.scorecards.Scale;
import io.qccompanion.server.scorecards.ScorecardVersion;
import io.qccompanion.server.scorecards.Scorecards;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Criteria of a scorecard version answered by a check through a mapping, and their gates. */
final class CriterionBindings {
  /** One binding as the API reads and writes it. */
  public record Binding(String criterionId, String check, String mapping) {}

  /** A binding with the scorecard version it belongs to. */
  public record Bound(String scorecardVersionId, Binding binding) {}

  // human grades the gate compares with: submitted regular evaluations and calibration grades
  private static final String SUBMITTED =
      "ev.kind IN ('REGULAR', 'CALIBRATION')"
          + " AND ev.status IN ('SUBMITTED', 'DISPUTED', 'AMENDED', 'UPHELD')";

  private final Scorecards scorecards;
  private final AuditLog audit;
  private final Clock clock;

  public CriterionBindings(Scorecards scorecards, AuditLog audit, Clock clock) {
    this.scorecards = scorecards;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Binding> list(Handle h, String versionId) {
    return h.createQuery(
            "SELECT criterion_id, check_id, mapping FROM autoqa_bindings WHERE scorecard_version_id = ? ORDER BY criterion_id")
        .bind(0, versionId)
        .map((rs, ctx) -> new Binding(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  public List<Bound> all(Handle h) {
    return h.createQuery(
            "SELECT scorecard_version_id, criterion_id, check_id, mapping FROM autoqa_bindings ORDER BY 1, 2")
        .map(
            (rs, ctx) ->
                new Bound(
                    rs.getString(1),
                    new Binding(rs.getString(2), rs.getString(3), rs.getString(4))))
        .list();
  }

  /** Replaces the bindings of a version after validating each against the criterion's scale. */
  public List<Binding> replace(Handle h, String versionId, List<Binding> bindings, String actorId) {
    ScorecardVersion version =
        scorecards
            .version(h, versionId)
            .orElseThrow(() -> new NotFound("scorecard version", versionId));
    for (int i = 0; i < bindings.size(); i++) validate(version, bindings.get(i), "/bindings/" + i);
    List<Binding> before = list(h, versionId);
    h.createUpdate("DELETE FROM autoqa_bindings WHERE scorecard_version_id = ?")
        .bind(0, versionId)
        .execute();
    for (Binding b : bindings)
      h.createUpdate(
              """
              INSERT INTO autoqa_bindings (scorecard_version_id, criterion_id, check_id, mapping,
                updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)""")
          .bind(0, versionId)
          .bind(1, b.criterionId())
          .bind(2, b.check())
          .bind(3, ScaleMapping.parse(b.mapping()).spec())
          .bind(4, clock.millis())
          .bind(5, actorId)
          .execute();
    List<Binding> after = list(h, versionId);
    audit.record(
        h, actorId, "autoqa_bindings.update", "scorecard_version", versionId, before, after);
    return after;
  }

  private void validate(ScorecardVersion version, Binding b, String pointer) {
    if (b == null) throw Invalid.malformed(pointer, "binding is null");
    Criterion c =
        version
            .definition()
            .criterion(b.criterionId())
            .orElseThrow(
                () ->
                    Invalid.malformed(
                        pointer + "/criterionId",
                        "no criterion '" + b.criterionId() + "' in this version"))
            .criterion();
    if (b.check() == null
        || (Check.byId(b.check()).isEmpty() && !b.check().startsWith(Check.PROCESS_PREFIX)))
      throw Invalid.malformed(pointer + "/check", "unknown check '" + b.check() + "'");
    ScaleMapping mapping;
    try {
      mapping = ScaleMapping.parse(b.mapping());
    } catch (IllegalArgumentException e) {
      throw Invalid.malformed(pointer + "/mapping", e.getMessage());
    }
    for (double v : outputs(mapping))
      if (!allowed(c, v))
        throw Invalid.malformed(
            pointer + "/mapping",
            "mapping gives " + v + ", not a value of " + c.scale() + " criterion '" + c.id() + "'");
  }

  private static List<Double> outputs(ScaleMapping m) {
    List<Double> out = new ArrayList<>();
    if (m instanceof ScaleMapping.Bands b) {
      b.bands().forEach(x -> out.add(x.result()));
      out.add(b.otherwise());
    } else if (m instanceof ScaleMapping.Target t) {
      out.add(t.pass());
      out.add(t.fail());
    } else if (m instanceof ScaleMapping.Linear l) {
      for (double v = l.min(); v <= l.max() + 1e-9; v += l.step()) out.add(Math.min(v, l.max()));
      out.add(l.max());
    }
    return out;
  }

  private static boolean allowed(Criterion c, double v) {
    return switch (c.scale()) {
      case BINARY -> v == 0 || v == 1;
      case ONE_TO_FIVE -> v == Math.rint(v) && v >= 1 && v <= 5;
      case POINTS -> c.points().contains(v);
    };
  }

  /** The criterion a binding answers. */
  Criterion criterion(Handle h, Bound bound) {
    return scorecards
        .version(h, bound.scorecardVersionId())
        .flatMap(v -> v.definition().criterion(bound.binding().criterionId()))
        .orElseThrow(() -> new IllegalStateException("binding to a missing criterion"))
        .criterion();
  }

  /**
   * Which automatically scored tickets AutoQA quality figures cover: solved in [{@code from},
   * {@code to}) (epoch millis), of {@code teamIds} (null: every team).
   */
  record TicketFilter(long from, long to, java.util.Set<String> teamIds) {}

  /**
   * AutoQA quality of a criterion: the mean automatic answer, as a percentage of full marks, over
   * every automatically scored ticket the filter selects (not only the sampled ones).
   *
   * @param tickets tickets with an automatic answer
   * @param meanPercent null without tickets
   */
  record Quality(long tickets, Double meanPercent) {}

  /** The AutoQA quality of a bound criterion; callers show it only while its gate is open. */
  Quality quality(Handle h, Bound bound, TicketFilter f) {
    Criterion c = criterion(h, bound);
    ScaleMapping mapping = ScaleMapping.parse(bound.binding().mapping());
    var q =
        h.createQuery(
                """
                SELECT r.value, r.pass, r.confidence FROM auto_check_results r
                JOIN auto_evaluations a ON a.ticket_id = r.ticket_id AND a.status = 'SCORED'
                JOIN tickets t ON t.id = r.ticket_id
                WHERE r.check_id = :check AND t.solved_at >= :from AND t.solved_at < :to"""
                    + (f.teamIds() == null ? "" : " AND t.team_id IN (<teams>)"))
            .bind("check", bound.binding().check())
            .bind("from", f.from())
            .bind("to", f.to());
    if (f.teamIds() != null) q.bindList("teams", List.copyOf(f.teamIds()));
    long[] n = {0};
    double[] sum = {0};
    q.map((rs, ctx) -> automatic(rs, bound, mapping))
        .forEach(
            v -> {
              if (v == null) return;
              n[0]++;
              sum[0] += percentOfFullMarks(c, v);
            });
    return new Quality(n[0], n[0] == 0 ? null : Math.round(sum[0] / n[0] * 100.0) / 100.0);
  }

  // the scale value as the share of full marks a human answer of that value earns
  static double percentOfFullMarks(Criterion c, double value) {
    return switch (c.scale()) {
      case BINARY -> value * 100;
      case ONE_TO_FIVE -> (value - 1) / 4 * 100;
      case POINTS -> c.maxPoints() == 0 ? 0 : value / c.maxPoints() * 100;
    };
  }

  private static Double automatic(java.sql.ResultSet rs, Bound bound, ScaleMapping mapping)
      throws java.sql.SQLException {
    double value = rs.getDouble(1);
    boolean na = rs.wasNull();
    int pass = rs.getInt(2);
    Boolean passed = rs.wasNull() ? null : pass == 1;
    return mapping.apply(
        new CheckResult(
            bound.binding().check(),
            na ? null : value,
            null,
            passed,
            List.of(),
            rs.getDouble(3),
            ""));
  }

  /**
   * A gate measured on independent grades only.
   *
   * @param prefilledExcluded double-scored answers left out because the grader saw the automatic
   *     value pre-filled (accepted or overridden): a kept value agrees by construction
   */
  record Measured(AgreementGate.Report report, int prefilledExcluded) {}

  private record GradedPair(AgreementGate.Pair pair, boolean prefilled) {}

  /**
   * Agreement between the bound check and the human answers on tickets graded both ways, counting
   * only answers given without the automatic value pre-filled: held-out evaluations, calibration
   * grades, and evaluations graded before suggestions existed.
   */
  public Measured gate(Handle h, Bound bound, AgreementGate gate) {
    Criterion c = criterion(h, bound);
    ScaleMapping mapping = ScaleMapping.parse(bound.binding().mapping());
    List<AgreementGate.Pair> pairs = new ArrayList<>();
    int[] prefilled = {0};
    h.createQuery(
            """
            SELECT ea.points, r.value, r.pass, r.confidence,
              CASE WHEN EXISTS (SELECT 1 FROM autoqa_suggestion_outcomes o
                  WHERE o.evaluation_id = ev.id AND o.criterion_id = :criterion
                    AND o.outcome IN ('ACCEPTED', 'OVERRIDDEN')) THEN 1 ELSE 0 END AS prefilled
            FROM evaluations ev
            JOIN evaluation_answers ea ON ea.evaluation_id = ev.id AND ea.criterion_id = :criterion
              AND ea.not_applicable = 0
            JOIN auto_check_results r ON r.ticket_id = ev.ticket_id AND r.check_id = :check
            WHERE ev.scorecard_version_id = :version AND %s ORDER BY ev.ticket_id, ev.id"""
                .formatted(SUBMITTED))
        .bind("criterion", bound.binding().criterionId())
        .bind("check", bound.binding().check())
        .bind("version", bound.scorecardVersionId())
        .map(
            (rs, ctx) -> {
              double points = rs.getDouble(1);
              double value = rs.getDouble(2);
              boolean na = rs.wasNull();
              int pass = rs.getInt(3);
              Boolean passed = rs.wasNull() ? null : pass == 1;
              Double automatic =
                  mapping.apply(
                      new CheckResult(
                          bound.binding().check(),
                          na ? null : value,
                          null,
                          passed,
                          List.of(),
                          rs.getDouble(4),
                          ""));
              if (automatic == null) return null; // nothing to compare (nor was anything shown)
              double human = c.scale() == Scale.ONE_TO_FIVE ? 1 + 4 * points : points;
              return new GradedPair(
                  new AgreementGate.Pair(automatic, Math.round(human * 1e6) / 1e6),
                  rs.getInt(5) == 1);
            })
        .forEach(
            g -> {
              if (g == null) return;
              if (g.prefilled()) prefilled[0]++;
              else pairs.add(g.pair());
            });
    Agreement.Metric metric =
        switch (c.scale()) {
          case BINARY -> Agreement.Metric.NOMINAL;
          case ONE_TO_FIVE -> Agreement.Metric.ORDINAL;
          case POINTS -> Agreement.Metric.INTERVAL;
        };
    return new Measured(gate.evaluate(pairs, metric), prefilled[0]);
  }
}
