package io.qccompanion.server.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes {@link Csv} lines to a writer (an HTTP answer or the CLI's file), one record at a time, so
 * an export of any size needs no more memory than one row. {@code summaries.CsvParams} starts one
 * on an HTTP answer.
 */
public final class CsvStream implements AutoCloseable {
  private final Appendable out;

  private CsvStream(Appendable out) {
    this.out = out;
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
