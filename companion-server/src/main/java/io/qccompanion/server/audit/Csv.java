package io.qccompanion.server.audit;

import java.util.List;

/** RFC 4180 CSV lines; cells that spreadsheets would run as formulas are prefixed with a quote. */
public final class Csv {
  private Csv() {}

  /** One CSV line (CRLF-terminated) of the cells' string forms; null is an empty cell. */
  public static String line(List<?> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) b.append(',');
      b.append(cell(cells.get(i)));
    }
    return b.append("\r\n").toString();
  }

  private static String cell(Object value) {
    if (value == null) return "";
    String s = value.toString();
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) s = "'" + s;
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r"))
      return '"' + s.replace("\"", "\"\"") + '"';
    return s;
  }
}
