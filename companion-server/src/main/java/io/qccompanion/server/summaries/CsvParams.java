package io.qccompanion.server.summaries;

import io.javalin.http.Context;
import io.qccompanion.server.csv.CsvStream;
import io.qccompanion.server.web.HttpProblem;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Reads whether a list route should answer in CSV, and starts that answer. */
public final class CsvParams {
  private CsvParams() {}

  /** Whether the caller asked for CSV ({@code format=csv|json} wins over the Accept header). */
  public static boolean wanted(Context ctx) {
    String format = ctx.queryParam("format");
    if (format != null) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw HttpProblem.invalid("format", "format must be csv or json");
      };
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
  }

  /** Starts a CSV answer named {@code filename} with {@code header}. */
  public static CsvStream open(Context ctx, String filename, List<String> header) {
    ctx.contentType("text/csv; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    return CsvStream.open(
        new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)),
        header);
  }
}
