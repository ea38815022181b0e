package io.qccompanion.server.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.csv.CsvStream;
import io.qccompanion.server.domain.Json;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.summaries.Bucket;
import io.qccompanion.server.summaries.GroupBy;
import io.qccompanion.server.summaries.Period;
import io.qccompanion.server.summaries.Scope;
import io.qccompanion.server.summaries.SummaryExports;
import io.qccompanion.server.summaries.SummaryService;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    description = "Export summaries or evaluation rows as CSV or JSON, straight from the database.")
final class ExportCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Parameters(index = "0", description = "summaries or evaluations")
  String what;

  @Option(names = "--from", required = true, description = "First day (ISO date, UTC).")
  LocalDate from;

  @Option(names = "--to", required = true, description = "Last day, inclusive.")
  LocalDate to;

  @Option(names = "--group-by", defaultValue = "none", description = "agent, team, qc, ...")
  String groupBy;

  @Option(names = "--bucket", defaultValue = "none", description = "day, week, month or none.")
  String bucket;

  @Option(names = "--team", description = "Only this team.")
  String team;

  @Option(names = "--format", defaultValue = "csv", description = "csv or json.")
  String format;

  @Option(names = "--out", required = true, description = "File to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    boolean csv =
        switch (format.toLowerCase(Locale.ROOT)) {
          case "csv" -> true;
          case "json" -> false;
          default -> throw new IllegalArgumentException("--format must be csv or json");
        };
    Period period = new Period(from, to);
    Scope scope = team == null ? Scope.ALL : new Scope(Set.of(team), null, null);
    try (var app = new CompanionApp(config.load(), Clock.systemUTC());
        Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      long rows;
      switch (what) {
        case "summaries" -> rows = summaries(app.summaries().service(), period, scope, csv, w);
        case "evaluations" -> rows = evaluations(app.db(), period, scope, csv, w);
        default -> throw new IllegalArgumentException("export summaries or evaluations");
      }
      System.out.println("wrote " + rows + " row(s) to " + out);
    }
    return 0;
  }

  private long summaries(SummaryService service, Period period, Scope scope, boolean csv, Writer w)
      throws Exception {
    var summary =
        service.summarize(
            scope,
            period,
            GroupBy.parse(groupBy),
            Bucket.valueOf(bucket.toUpperCase(Locale.ROOT)),
            true);
    try (ProgressBar bar = bar(summary.rows().size())) {
      if (csv) {
        try (var printer = CsvStream.open(w, SummaryExports.ROW_HEADER)) {
          summary
              .rows()
              .forEach(
                  r -> {
                    printer.row(SummaryExports.row(r));
                    bar.step();
                  });
        }
      } else {
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(w, summary);
        bar.stepTo(summary.rows().size());
      }
    }
    return summary.rows().size();
  }

  private long evaluations(Database db, Period period, Scope scope, boolean csv, Writer w)
      throws Exception {
    var rows = new io.qccompanion.server.summaries.EvaluationRows();
    long total = db.read(h -> rows.count(h, scope, period));
    try (ProgressBar bar = bar(total)) {
      if (csv) {
        try (var printer =
            CsvStream.open(w, io.qccompanion.server.summaries.EvaluationRows.HEADER)) {
          db.read(
              h -> {
                rows.each(
                    h,
                    scope,
                    period,
                    r -> {
                      printer.row(SummaryExports.evaluation(r));
                      bar.step();
                    });
                return null;
              });
        }
      } else {
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(w)) {
          json.writeStartArray();
          db.read(
              h -> {
                rows.each(
                    h,
                    scope,
                    period,
                    r -> {
                      try {
                        Json.MAPPER.writeValue(json, r);
                      } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                      bar.step();
                    });
                return null;
              });
          json.writeEndArray();
        }
      }
    }
    return total;
  }

  private static ProgressBar bar(long max) {
    return new ProgressBarBuilder()
        .setTaskName("export")
        .setInitialMax(max)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(250)
        .build();
  }
}
