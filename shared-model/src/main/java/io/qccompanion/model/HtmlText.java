package io.qccompanion.model;

/**
 * The one HTML escaper for HTML built in Java (host notes, the Jira panel's answer); pages are jte
 * templates and escape by themselves.
 *
 * @since 0.1
 */
public final class HtmlText {
  private HtmlText() {}

  /** {@code text} safe inside element content and quoted attribute values; null is empty. */
  public static String escape(String text) {
    if (text == null) return "";
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
