package io.qccompanion.server.summaries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV straight to the response, one record at a time, so an export of any size needs no more
 * memory than one row. {@link CsvParams} starts one on an HTTP answer.
 */
public final class CsvStream implements AutoCloseable {
  private final CSVPrinter printer;

  private CsvStream(CSVPrinter printer) {
    this.printer = printer;
  }

  /** Starts CSV on any writer (the CLI's export file). */
  public static CsvStream open(Appendable out, List<String> header) {
    try {
      return new CsvStream(
          new CSVPrinter(
              out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one record; nulls become empty fields. */
  public void row(List<?> values) {
    try {
      printer.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      printer.close(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
