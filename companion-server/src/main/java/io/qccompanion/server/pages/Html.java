package io.qccompanion.server.pages;

/** Escaping for text and attribute values written into server-rendered pages. */
public final class Html {
  private Html() {}

  /** {@code value} safe inside element text and double-quoted attributes; null is empty. */
  public static String escape(Object value) {
    return esc(value);
  }

  /** Short name of {@link #escape} for the page renderers. */
  static String esc(Object value) {
    if (value == null) return "";
    String s = value.toString();
    var out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
