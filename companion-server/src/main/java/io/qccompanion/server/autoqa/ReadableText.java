package io.qccompanion.server.autoqa;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message as plain text plus the parts no check reads as the author's own words: quoted text,
 * code, URLs and e-mail addresses. Offsets of every check refer to {@link #text()}.
 */
record ReadableText(String text, List<Span> ignored) {

  /** Why a span is ignored. */
  public enum Kind {
    QUOTE,
    CODE,
    URL
  }

  /** Characters {@code start..end} of the text. */
  public record Span(int start, int end, Kind kind) {}

  private static final Pattern QUOTED_LINE = Pattern.compile("(?m)^[ \\t]*>.*$");
  private static final Pattern REPLY_HEADER =
      Pattern.compile(
          "(?mi)^(?:On .{1,200}wrote:|Am .{1,200}schrieb .{0,200}:|Le .{1,200}a écrit\\s*:"
              + "|El .{1,200}escribió:|-{2,}\\s*Original Message\\s*-{2,}|From: .{1,200}\\R+Sent: )");
  private static final Pattern FENCED_CODE = Pattern.compile("(?s)```.*?(?:```|\\z)");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]+`");
  private static final Pattern URL =
      Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"']+[^\\s<>\"'.,;:!?)\\]]");
  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}.\\-]+\\.[\\p{L}]{2,}");

  public ReadableText {
    ignored = List.copyOf(ignored);
  }

  /** Reads a message: HTML when given (quotes and code from its tags), else plain text. */
  public static ReadableText of(String text, String html) {
    List<Span> spans = new ArrayList<>();
    String plain = html != null ? HtmlText.toText(html, spans) : text.replace("\r\n", "\n");
    Matcher header = REPLY_HEADER.matcher(plain);
    if (header.find()) spans.add(new Span(header.start(), plain.length(), Kind.QUOTE));
    add(spans, QUOTED_LINE.matcher(plain), Kind.QUOTE);
    add(spans, FENCED_CODE.matcher(plain), Kind.CODE);
    add(spans, INLINE_CODE.matcher(plain), Kind.CODE);
    add(spans, URL.matcher(plain), Kind.URL);
    add(spans, EMAIL.matcher(plain), Kind.URL);
    return new ReadableText(plain, merge(spans));
  }

  /** The parts of the text that are the author's own words, in order. */
  public List<int[]> visible() {
    List<int[]> out = new ArrayList<>();
    int at = 0;
    for (Span s : ignored) {
      if (s.start > at) out.add(new int[] {at, s.start});
      at = Math.max(at, s.end);
    }
    if (at < text.length()) out.add(new int[] {at, text.length()});
    return out;
  }

  /** The visible text with ignored spans blanked out (same length, so offsets still hold). */
  public String visibleText() {
    char[] chars = text.toCharArray();
    for (Span s : ignored)
      for (int i = s.start; i < s.end; i++) if (chars[i] != '\n') chars[i] = ' ';
    return new String(chars);
  }

  /** Whether the offset lies in an ignored span. */
  public boolean isIgnored(int offset) {
    for (Span s : ignored) if (offset >= s.start && offset < s.end) return true;
    return false;
  }

  private static void add(List<Span> spans, Matcher m, Kind kind) {
    while (m.find()) if (m.end() > m.start()) spans.add(new Span(m.start(), m.end(), kind));
  }

  private static List<Span> merge(List<Span> spans) {
    spans.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : b.end - a.end);
    List<Span> out = new ArrayList<>();
    for (Span s : spans) {
      Span last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && s.start < last.end) {
        if (s.end > last.end) out.set(out.size() - 1, new Span(last.start, s.end, last.kind));
      } else out.add(s);
    }
    return out;
  }
}
