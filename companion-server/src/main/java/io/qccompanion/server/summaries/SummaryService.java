package io.qccompanion.server.summaries;

import io.qccompanion.server.store.Database;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Builds summaries: quality from the agent x week aggregate and ticket KPIs from the ticket x week
 * roll-up where the request allows (whole weeks, agent/team/no grouping, every host), both from
 * scratch otherwise; all against the targets of the row's team.
 */
public final class SummaryService {
  private final Database db;
  private final QualityAggregates aggregates;
  private final TicketKpis ticketKpis;
  private final KpiTargets targets;
  private final QualityQueries quality = new QualityQueries();
  private final TicketQueries tickets = new TicketQueries();
  private final FailureQueries failures = new FailureQueries();
  private final Insights insights = new Insights();
  private final WeightedQueries weighted = new WeightedQueries();

  SummaryService(
      Database db, QualityAggregates aggregates, TicketKpis ticketKpis, KpiTargets targets) {
    this.db = db;
    this.aggregates = aggregates;
    this.ticketKpis = ticketKpis;
    this.targets = targets;
  }

  /**
   * The summary of {@code scope} over {@code period}; calibration only when {@code
   * withCalibration}.
   */
  public Summary summarize(
      Scope scope, Period period, GroupBy groupBy, Bucket bucket, boolean withCalibration) {
    // the period totals read the roll-up whenever any row can (a custom range or a host never does)
    if (QualityAggregates.answers(period, Bucket.NONE, GroupBy.NONE, scope)) ticketKpis.catchUp();
    return db.read(
        h -> {
          var resolver = KpiTargets.resolver(targets.stored(h));
          Targets scopeTargets = resolver.of(singleTeam(scope));
          List<Period.Slot> slots = period.slots(bucket);
          List<SummaryRow> rows = rows(h, scope, period, groupBy, bucket, slots, resolver);
          Period previous = period.previous();
          SummaryRow total =
              compare(
                  rows(
                          h,
                          scope,
                          period,
                          GroupBy.NONE,
                          Bucket.NONE,
                          period.slots(Bucket.NONE),
                          resolver)
                      .get(0),
                  rows(
                          h,
                          scope,
                          previous,
                          GroupBy.NONE,
                          Bucket.NONE,
                          previous.slots(Bucket.NONE),
                          resolver)
                      .get(0));
          boolean teamRows = bucket == Bucket.NONE && groupBy == GroupBy.TEAM;
          Map<String, WeightedKpi> estimates = weighted.estimates(h, scope, period, teamRows);
          total = total.withWeighted(estimates.get(WeightedQueries.TOTAL));
          if (teamRows)
            rows =
                rows.stream()
                    .map(r -> r.evaluations() == null ? r : r.withWeighted(estimate(estimates, r)))
                    .toList();
          if (bucket == Bucket.NONE && groupBy != GroupBy.NONE) {
            Map<String, SummaryRow> before = new HashMap<>();
            rows(h, scope, previous, groupBy, Bucket.NONE, previous.slots(Bucket.NONE), resolver)
                .forEach(r -> before.put(r.groupKey(), r));
            rows = rows.stream().map(r -> compare(r, before.get(r.groupKey()))).toList();
          }
          return new Summary(
              period,
              previous,
              groupBy.param(),
              bucket.name().toLowerCase(java.util.Locale.ROOT),
              scopeTargets,
              total,
              rows,
              insights.topFailingCriteria(h, scope, period, 10),
              insights.rootCauses(h, scope, period),
              insights.disputes(h, scope, period),
              withCalibration ? insights.calibration(h, scope, period) : List.of(),
              insights.sampling(h, scope, period),
              QualityAggregates.answers(period, bucket, groupBy, scope)
                  ? "aggregate"
                  : "evaluations",
              !period.to().isBefore(targets.today()),
              bucket == Bucket.NONE
                  ? List.of()
                  : slots.stream()
                      .filter(s -> period.partial(s, bucket, targets.today()))
                      .map(Period.Slot::label)
                      .toList());
        });
  }

  // a team row without a counted evaluation still says the estimate has no sample
  private static WeightedKpi estimate(Map<String, WeightedKpi> estimates, SummaryRow r) {
    WeightedKpi e = estimates.get(r.groupKey());
    return e != null ? e : WeightedKpi.of(null, 0);
  }

  private static String singleTeam(Scope scope) {
    return scope.teamIds() != null && scope.teamIds().size() == 1
        ? scope.teamIds().iterator().next()
        : null;
  }

  List<SummaryRow> rows(
      Handle h,
      Scope scope,
      Period period,
      GroupBy groupBy,
      Bucket bucket,
      List<Period.Slot> slots,
      KpiTargets.Resolver resolver) {
    Map<String, String> names = new HashMap<>();
    Map<Cell, QualityStats> q = Map.of();
    Map<Cell, long[]> crit = Map.of();
    Map<Cell, Long> causes = Map.of();
    switch (groupBy) {
      case CRITERION -> crit = failures.criteria(h, scope, slots, names);
      case ROOT_CAUSE -> causes = failures.rootCauses(h, scope, slots);
      default ->
          q =
              QualityAggregates.answers(period, bucket, groupBy, scope)
                  ? aggregates.read(h, scope, groupBy, slots)
                  : quality.grouped(h, scope, groupBy, slots);
    }
    Map<Cell, TicketStats> t =
        QualityAggregates.answers(period, bucket, groupBy, scope)
            ? ticketKpis.read(h, scope, groupBy, slots)
            : tickets.grouped(h, scope, groupBy, slots);
    Set<Cell> cells = new LinkedHashSet<>();
    cells.addAll(q.keySet());
    cells.addAll(crit.keySet());
    cells.addAll(causes.keySet());
    cells.addAll(t.keySet());
    if (groupBy == GroupBy.NONE) for (Period.Slot s : slots) cells.add(new Cell("", s.index()));
    Set<String> keys = new LinkedHashSet<>();
    cells.forEach(c -> keys.add(c.group()));
    keys.remove("");
    names.putAll(Labels.names(h, groupBy.labelTable, keys));
    Map<String, String> agentTeams =
        groupBy == GroupBy.AGENT ? Labels.teamsOfAgents(h, keys) : Map.of();
    List<SummaryRow> rows = new ArrayList<>();
    for (Cell c : cells) {
      String team =
          switch (groupBy) {
            case TEAM -> c.group().isEmpty() ? null : c.group();
            case AGENT -> agentTeams.get(c.group());
            default -> singleTeam(scope);
          };
      rows.add(
          row(
              groupBy,
              c,
              names.get(c.group()),
              slots.get(c.slot()).label(),
              q.get(c),
              crit.get(c),
              causes.get(c),
              t.get(c),
              resolver.of(team)));
    }
    Comparator<SummaryRow> order = Comparator.comparing(SummaryRow::bucketStart);
    if (groupBy == GroupBy.CRITERION || groupBy == GroupBy.ROOT_CAUSE)
      order = order.thenComparing(r -> -r.failed());
    order =
        order
            .thenComparing(r -> r.groupLabel() == null ? r.groupKey() : r.groupLabel())
            .thenComparing(SummaryRow::groupKey);
    rows.sort(order);
    return rows;
  }

  private static SummaryRow row(
      GroupBy groupBy,
      Cell c,
      String label,
      java.time.LocalDate bucketStart,
      QualityStats q,
      long[] crit,
      Long causes,
      TicketStats t,
      Targets tg) {
    Long evaluations = null;
    Kpi qualityKpi = null;
    Double passRate = null;
    Long critical = null;
    Map<String, Long> distribution = null;
    Long failed = null;
    Double failRate = null;
    if (groupBy == GroupBy.CRITERION) {
      evaluations = crit[0];
      failed = crit[1];
      failRate = Kpi.percent(crit[1], crit[0]);
    } else if (groupBy == GroupBy.ROOT_CAUSE) {
      failed = causes;
    } else {
      QualityStats s = q == null ? QualityStats.empty() : q;
      evaluations = s.n();
      qualityKpi = Kpi.atLeast(s.n() == 0 ? null : s.scoreSum() / s.n(), tg.qualityPercent());
      passRate = Kpi.percent(s.passed(), s.n());
      critical = s.critical();
      distribution = new LinkedHashMap<>();
      for (int i = 0; i < 5; i++) distribution.put(QualityStats.BAND_LABELS[i], s.bands()[i]);
    }
    Long closed = null;
    Kpi csat = null;
    Long rated = null;
    Kpi fcr = null;
    Kpi aht = null;
    Double p50 = null;
    Double p90 = null;
    Double coverage = null;
    if (groupBy.ticketKey != null) {
      TicketStats s = t == null ? new TicketStats(0, 0, 0, 0, 0, 0, null, null, 0) : t;
      closed = s.closed();
      csat = Kpi.atLeast(Kpi.percent(s.good(), s.rated()), tg.csatPercent());
      rated = s.rated();
      fcr = Kpi.atLeast(Kpi.percent(s.firstContact(), s.closed()), tg.fcrPercent());
      aht =
          Kpi.atMost(
              s.handled() == 0 ? null : s.handleSecondsSum() / 60.0 / s.handled(), tg.ahtMinutes());
      p50 = s.handleSecondsP50() == null ? null : Kpi.round(s.handleSecondsP50() / 60.0);
      p90 = s.handleSecondsP90() == null ? null : Kpi.round(s.handleSecondsP90() / 60.0);
      coverage = Kpi.percent(s.evaluated(), s.closed());
    }
    return new SummaryRow(
        c.group(),
        label,
        bucketStart,
        evaluations,
        qualityKpi,
        passRate,
        critical,
        distribution,
        failed,
        failRate,
        closed,
        csat,
        rated,
        fcr,
        aht,
        p50,
        p90,
        coverage,
        offTarget(qualityKpi, csat, fcr, aht),
        null);
  }

  private static List<String> offTarget(Kpi quality, Kpi csat, Kpi fcr, Kpi aht) {
    List<String> off = new ArrayList<>();
    if (quality != null && quality.off()) off.add("qualityPercent");
    if (csat != null && csat.off()) off.add("csatPercent");
    if (fcr != null && fcr.off()) off.add("fcrPercent");
    if (aht != null && aht.off()) off.add("ahtMinutesMean");
    return off;
  }

  /** {@code now} with each KPI's previous value and delta taken from {@code before}. */
  static SummaryRow compare(SummaryRow now, SummaryRow before) {
    if (before == null) return now;
    return new SummaryRow(
        now.groupKey(),
        now.groupLabel(),
        now.bucketStart(),
        now.evaluations(),
        versus(now.qualityPercent(), before.qualityPercent()),
        now.passRatePercent(),
        now.criticalFails(),
        now.scoreDistribution(),
        now.failed(),
        now.failRatePercent(),
        now.ticketsClosed(),
        versus(now.csatPercent(), before.csatPercent()),
        now.csatRated(),
        versus(now.fcrPercent(), before.fcrPercent()),
        versus(now.ahtMinutesMean(), before.ahtMinutesMean()),
        now.ahtMinutesP50(),
        now.ahtMinutesP90(),
        now.coveragePercent(),
        now.offTarget(),
        now.weightedQuality());
  }

  private static Kpi versus(Kpi now, Kpi before) {
    return now == null ? null : now.versus(before);
  }
}
