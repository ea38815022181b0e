package io.qccompanion.server.summaries;

import java.util.List;

/** CSV columns of summary rows and evaluation rows, shared by the API and the CLI export. */
public final class SummaryExports {
  /** Header of {@link #row}. */
  public static final List<String> ROW_HEADER = SummaryCsv.ROW_HEADER;

  private SummaryExports() {}

  /** A summary row as CSV values. */
  public static List<Object> row(SummaryRow r) {
    return SummaryCsv.row(r);
  }

  /** An evaluation row as CSV values. */
  public static List<Object> evaluation(EvaluationRows.Row r) {
    return EvaluationRows.csv(r);
  }
}
