package io.qccompanion.server.autoqa;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrase sets of one language ({@code /autoqa/phrases/<lang>.txt}): greeting, closing, empathy,
 * apology and escalation. Each line is a case-insensitive regular expression matched on whole
 * words; its rule id is {@code <section>:<lang>:<line>}.
 */
final class PhraseBook {
  /** A phrase found in a text. */
  public record Hit(int start, int end, String ruleId) {}

  private record Phrase(Pattern pattern, String ruleId) {}

  private final String language;
  private final RuleFile file;

  private PhraseBook(String language, RuleFile file) {
    this.language = language;
    this.file = file;
  }

  /** The phrase book of a language, or null when none ships. */
  public static PhraseBook load(String language) {
    RuleFile file = RuleFile.load("/autoqa/phrases/" + language + ".txt");
    return file == null ? null : new PhraseBook(language, file);
  }

  public String language() {
    return language;
  }

  /** The resource text, part of the rule-set version. */
  public String content() {
    return file.content();
  }

  /** Every hit of a section's phrases in the visible parts of a text, in text order. */
  public List<Hit> find(String section, ReadableText text) {
    List<Hit> hits = new ArrayList<>();
    String visible = text.visibleText();
    for (Phrase p : phrases(section)) {
      Matcher m = p.pattern.matcher(visible);
      while (m.find()) if (m.end() > m.start()) hits.add(new Hit(m.start(), m.end(), p.ruleId));
    }
    hits.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : a.end - b.end);
    List<Hit> distinct = new ArrayList<>();
    for (Hit h : hits)
      if (distinct.isEmpty() || h.start >= distinct.get(distinct.size() - 1).end) distinct.add(h);
    return distinct;
  }

  private final java.util.Map<String, List<Phrase>> compiled =
      new java.util.concurrent.ConcurrentHashMap<>();

  private List<Phrase> phrases(String section) {
    return compiled.computeIfAbsent(
        section,
        s -> {
          List<Phrase> out = new ArrayList<>();
          for (RuleFile.Entry e : file.section(s))
            out.add(
                new Phrase(
                    Pattern.compile(
                        "(?<![\\p{L}\\p{N}])(?:" + e.text() + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE
                            | Pattern.UNICODE_CASE
                            | Pattern.UNICODE_CHARACTER_CLASS),
                    s + ":" + language + ":" + e.line()));
          return out;
        });
  }
}
