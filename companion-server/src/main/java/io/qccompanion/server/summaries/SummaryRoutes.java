package io.qccompanion.server.summaries;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Cursor;
import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.CursorParams;
import io.qccompanion.server.web.HttpProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** {@code /api/v1/summaries}: KPIs as JSON or streamed CSV, and the evaluations behind them. */
final class SummaryRoutes {
  private final Database db;
  private final SummaryService summaries;
  private final EvaluationRows evaluations = new EvaluationRows();
  private final Clock clock;

  public SummaryRoutes(Database db, SummaryService summaries, Clock clock) {
    this.db = db;
    this.summaries = summaries;
    this.clock = clock;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/summaries", this::summary, Role.ANYONE);
    r.get("/api/v1/summaries/evaluations", this::evaluations, Role.ANYONE);
  }

  /** The period of a request: {@code from}/{@code to} or {@code period}. */
  public static Period period(Context ctx, Clock clock) {
    return Period.parse(
        ctx.queryParam("from"),
        ctx.queryParam("to"),
        ctx.queryParam("period"),
        LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)));
  }

  void summary(Context ctx) {
    Period period = period(ctx, clock);
    GroupBy groupBy = GroupBy.parse(ctx.queryParam("groupBy"));
    String bucketParam = ctx.queryParam("bucket");
    Bucket bucket =
        bucketParam == null ? Bucket.NONE : Fields.oneOf(Bucket.class, bucketParam, "bucket");
    Scope scope = ScopeParams.read(ctx, db);
    boolean csv = CsvParams.wanted(ctx);
    String table = ctx.queryParamAsClass("table", String.class).getOrDefault("rows");
    boolean calibration = Authenticator.principal(ctx).role() != Role.AGENT;
    Summary s = rank(summaries.summarize(scope, period, groupBy, bucket, calibration), ctx);
    if (!csv) {
      ctx.json(s);
      return;
    }
    String name = "summary-" + table + "-" + period.from() + "-" + period.to() + ".csv";
    switch (table) {
      case "rows", "total" -> {
        try (var out = CsvParams.open(ctx, name, SummaryCsv.ROW_HEADER)) {
          List<SummaryRow> rows = table.equals("rows") ? s.rows() : List.of(s.total());
          rows.forEach(r -> out.row(SummaryCsv.row(r)));
        }
      }
      case "topFailingCriteria" -> {
        try (var out =
            CsvParams.open(
                ctx,
                name,
                List.of("criterionId", "criterion", "answered", "failed", "failRatePercent"))) {
          s.topFailingCriteria()
              .forEach(
                  c ->
                      out.row(
                          List.of(
                              c.criterionId(),
                              c.criterion(),
                              c.answered(),
                              c.failed(),
                              nz(c.failRatePercent()))));
        }
      }
      case "rootCauses" -> {
        try (var out = CsvParams.open(ctx, name, List.of("rootCause", "count", "sharePercent"))) {
          s.rootCauses()
              .forEach(c -> out.row(List.of(c.rootCause(), c.count(), nz(c.sharePercent()))));
        }
      }
      case "calibration" -> {
        try (var out =
            CsvParams.open(
                ctx,
                name,
                List.of(
                    "qcId", "qcName", "calibrations", "meanDeviation", "meanAbsoluteDeviation"))) {
          s.calibration()
              .forEach(
                  c ->
                      out.row(
                          java.util.Arrays.asList(
                              c.qcId(),
                              c.qcName(),
                              c.calibrations(),
                              c.meanDeviation(),
                              c.meanAbsoluteDeviation())));
        }
      }
      case "disputes" -> {
        var d = s.disputes();
        try (var out =
            CsvParams.open(
                ctx,
                name,
                List.of(
                    "evaluations",
                    "disputed",
                    "disputeRatePercent",
                    "open",
                    "amended",
                    "upheld"))) {
          out.row(
              java.util.Arrays.asList(
                  d.evaluations(),
                  d.disputed(),
                  d.disputeRatePercent(),
                  d.open(),
                  d.amended(),
                  d.upheld()));
        }
      }
      case "sampling" -> {
        try (var out = CsvParams.open(ctx, name, List.of("reason", "selected"))) {
          s.sampling().byReason().forEach((k, v) -> out.row(List.of(k, v)));
        }
      }
      default ->
          throw HttpProblem.invalid(
              "table",
              "table must be one of rows, total, topFailingCriteria, rootCauses, calibration,"
                  + " disputes, sampling");
    }
  }

  /**
   * {@code sort=quality}: the league table, best quality first (groups without evaluations last,
   * ties by more evaluations, then by name); default order is by name.
   */
  static Summary rank(Summary s, Context ctx) {
    String sort = ctx.queryParam("sort");
    if (sort == null || sort.isBlank()) return s;
    if (!sort.strip().equals("quality")) throw HttpProblem.invalid("sort", "sort must be quality");
    java.util.Comparator<SummaryRow> byQuality =
        java.util.Comparator.comparing(
            (SummaryRow r) ->
                r.qualityPercent() == null || r.qualityPercent().value() == null
                    ? Double.NEGATIVE_INFINITY
                    : r.qualityPercent().value(),
            java.util.Comparator.reverseOrder());
    var ranked =
        s.rows().stream()
            .sorted(
                byQuality
                    .thenComparing(
                        (SummaryRow r) -> r.evaluations() == null ? 0L : r.evaluations(),
                        java.util.Comparator.reverseOrder())
                    .thenComparing(r -> r.groupLabel() == null ? r.groupKey() : r.groupLabel()))
            .toList();
    return s.withRows(ranked);
  }

  private static Object nz(Object o) {
    return o == null ? "" : o;
  }

  void evaluations(Context ctx) {
    Period period = period(ctx, clock);
    Scope scope = ScopeParams.read(ctx, db);
    var p = Authenticator.principal(ctx);
    EvaluationRows evaluations =
        p.role() == Role.QC ? this.evaluations.blindFor(p.userId()) : this.evaluations;
    var drill =
        new EvaluationRows.Drill(
            ScopeParams.blankToNull(ctx.queryParam("criterionId")),
            ScopeParams.blankToNull(ctx.queryParam("rootCause")));
    if (CsvParams.wanted(ctx)) {
      String name = "evaluations-" + period.from() + "-" + period.to() + ".csv";
      db.read(
          h -> {
            try (var out = CsvParams.open(ctx, name, EvaluationRows.HEADER)) {
              evaluations.each(h, scope, drill, period, r -> out.row(EvaluationRows.csv(r)));
            }
            return null;
          });
      return;
    }
    Cursor cursor = CursorParams.from(ctx);
    var page = db.read(h -> evaluations.page(h, scope, drill, period, cursor));
    ctx.json(page);
  }
}
