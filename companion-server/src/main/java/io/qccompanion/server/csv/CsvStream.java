package io.qccompanion.server.csv;

import io.javalin.http.Context;
import io.qccompanion.server.web.HttpProblem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@link Csv} lines straight to the response (or a file), one record at a time, so an export
 * of any size needs no more memory than one row. Chosen by {@code format=csv} or {@code Accept:
 * text/csv}.
 */
public final class CsvStream implements AutoCloseable {
  private final Appendable out;

  private CsvStream(Appendable out) {
    this.out = out;
  }

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
    return open(
        new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)),
        header);
  }

  /** Starts CSV on any writer (the CLI's export file). */
  public static CsvStream open(Appendable out, List<String> header) {
    var stream = new CsvStream(out);
    stream.row(header);
    return stream;
  }

  /** Writes one record; nulls become empty fields. */
  public void row(List<?> values) {
    try {
      out.append(Csv.line(values));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes and closes the writer underneath. */
  @Override
  public void close() {
    try {
      if (out instanceof java.io.Closeable c) c.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
