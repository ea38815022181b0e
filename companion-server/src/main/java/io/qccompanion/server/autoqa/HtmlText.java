package io.qccompanion.server.autoqa;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sanitised HTML to plain text: block elements end a line, whitespace collapses outside {@code
 * pre}, entities are decoded, and the text inside {@code blockquote} / {@code pre} / {@code code}
 * is reported as quote or code spans. Not a general HTML parser: the hosts' sanitised bodies only.
 */
final class HtmlText {
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "li",
          "ul",
          "ol",
          "tr",
          "table",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "pre",
          "hr");
  private static final Map<String, String> ENTITIES =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "#39", "'");

  private HtmlText() {}

  static String toText(String html, List<ReadableText.Span> spans) {
    StringBuilder out = new StringBuilder(html.length());
    Deque<int[]> open = new ArrayDeque<>(); // {start, kind ordinal, tag hash}
    int pre = 0;
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c == '<') {
        int close = html.indexOf('>', i);
        if (close < 0) break;
        String tag = html.substring(i + 1, close).strip();
        i = close + 1;
        if (tag.startsWith("!")) continue;
        boolean end = tag.startsWith("/");
        String name = tag.replaceFirst("^/", "").split("[\\s/]", 2)[0].toLowerCase(Locale.ROOT);
        if (name.equals("script") || name.equals("style")) {
          if (!end) {
            int stop = html.toLowerCase(Locale.ROOT).indexOf("</" + name, i);
            i = stop < 0 ? html.length() : stop;
          }
          continue;
        }
        if (name.equals("br")) out.append('\n');
        else if (BLOCKS.contains(name)) newline(out);
        ReadableText.Kind kind =
            switch (name) {
              case "blockquote" -> ReadableText.Kind.QUOTE;
              case "pre", "code" -> ReadableText.Kind.CODE;
              default -> null;
            };
        if (kind != null) {
          if (name.equals("pre")) pre += end ? -1 : 1;
          if (!end) open.push(new int[] {out.length(), kind.ordinal(), name.hashCode()});
          else if (!open.isEmpty() && open.peek()[2] == name.hashCode()) {
            int[] o = open.pop();
            if (open.stream().noneMatch(x -> x[1] == o[1]))
              spans.add(
                  new ReadableText.Span(o[0], out.length(), ReadableText.Kind.values()[o[1]]));
          }
        }
        continue;
      }
      if (c == '&') {
        int semi = html.indexOf(';', i);
        if (semi > i && semi - i <= 10) {
          String decoded = decode(html.substring(i + 1, semi));
          if (decoded != null) {
            appendChar(out, decoded, pre > 0);
            i = semi + 1;
            continue;
          }
        }
      }
      appendChar(out, String.valueOf(c), pre > 0);
      i++;
    }
    while (!out.isEmpty() && Character.isWhitespace(out.charAt(out.length() - 1)))
      out.setLength(out.length() - 1);
    int length = out.length();
    spans.replaceAll(
        s ->
            new ReadableText.Span(
                Math.min(s.start(), length), Math.min(s.end(), length), s.kind()));
    spans.removeIf(s -> s.end() <= s.start());
    return out.toString();
  }

  private static void appendChar(StringBuilder out, String s, boolean pre) {
    for (char ch : s.toCharArray()) {
      if (!pre && Character.isWhitespace(ch)) {
        if (out.isEmpty() || Character.isWhitespace(out.charAt(out.length() - 1))) continue;
        out.append(' ');
      } else out.append(ch);
    }
  }

  private static void newline(StringBuilder out) {
    while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') out.setLength(out.length() - 1);
    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') out.append('\n');
  }

  private static String decode(String entity) {
    String named = ENTITIES.get(entity.toLowerCase(Locale.ROOT));
    if (named != null) return named;
    try {
      if (entity.startsWith("#x") || entity.startsWith("#X"))
        return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
      if (entity.startsWith("#"))
        return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
    } catch (IllegalArgumentException e) {
      return null; // not an entity: keep the ampersand as text
    }
    return null;
  }
}
