package io.qccompanion.server.csv;

import java.util.List;

/**
 * RFC 4180 CSV lines: the one CSV writer of the companion (summaries, production, audit log,
 * escalations, audit pack, CLI export). Text cells that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or carriage return) are prefixed with a quote, as OWASP's
 * "CSV injection" advice says; numbers are written as they are.
 */
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

  /** One cell, guarded and quoted as needed. */
  public static String cell(Object value) {
    if (value == null) return "";
    String s = value.toString();
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number))
      s = "'" + s;
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r"))
      return '"' + s.replace("\"", "\"\"") + '"';
    return s;
  }
}
