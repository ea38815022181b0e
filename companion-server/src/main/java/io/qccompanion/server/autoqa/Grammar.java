package io.qccompanion.server.autoqa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.markup.AnnotatedText;
import org.languagetool.markup.AnnotatedTextBuilder;
import org.languagetool.rules.CategoryId;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;

/**
 * LanguageTool, offline, one {@link JLanguageTool} per thread and language (it is not thread-safe).
 * Only the categories about correctness are on: typos, grammar, confused words, casing and
 * collocations; style, typography and punctuation advice is off. Ignored spans (quotes, code, URLs)
 * go in as markup, so match offsets stay in the message's own coordinates.
 */
final class Grammar {
  /** Categories counted as errors. */
  public static final Set<String> CATEGORIES =
      Set.of("TYPOS", "GRAMMAR", "CONFUSED_WORDS", "CASING", "COLLOCATIONS");

  /** One LanguageTool match. */
  public record Match(int start, int end, String ruleId, boolean spelling, String message) {}

  private final Map<String, String> codes;
  private final Set<String> disabledRules;
  private final ThreadLocal<Map<String, JLanguageTool>> tools =
      ThreadLocal.withInitial(HashMap::new);

  /**
   * Maps ISO codes to LanguageTool's; each is resolved on its first check, not on the way to {@code
   * /ready} (finding a language scans every LanguageTool module on the class path).
   */
  public Grammar(Map<String, String> isoToLanguageTool, Set<String> disabledRules) {
    this.codes = Map.copyOf(isoToLanguageTool);
    this.disabledRules = Set.copyOf(disabledRules);
  }

  /** Whether a grammar module is configured for the language. */
  public boolean supports(String iso) {
    return codes.containsKey(iso);
  }

  /** LanguageTool's version, part of the rule-set version. */
  public static String version() {
    return JLanguageTool.VERSION;
  }

  /** A configured LanguageTool for this thread (also used raw by the benchmark). */
  public JLanguageTool tool(String iso) {
    return tools.get().computeIfAbsent(iso, this::create);
  }

  private JLanguageTool create(String iso) {
    String code = codes.get(iso);
    if (!Languages.isLanguageSupported(code))
      throw new IllegalStateException(
          "LanguageTool has no module for '"
              + code
              + "' on the class path: add org.languagetool:language-"
              + iso);
    JLanguageTool lt = new JLanguageTool(Languages.getLanguageForShortCode(code));
    Set<String> categories = new java.util.TreeSet<>();
    for (Rule r : lt.getAllRules()) categories.add(r.getCategory().getId().toString());
    for (String c : categories) if (!CATEGORIES.contains(c)) lt.disableCategory(new CategoryId(c));
    for (String id : disabledRules) lt.disableRule(id);
    return lt;
  }

  /** Checks the visible parts of a text. */
  public List<Match> check(String iso, ReadableText text) {
    AnnotatedTextBuilder b = new AnnotatedTextBuilder();
    int at = 0;
    String t = text.text();
    for (ReadableText.Span s : text.ignored()) {
      if (s.start() > at) b.addText(t.substring(at, s.start()));
      String hidden = t.substring(s.start(), s.end());
      b.addMarkup(hidden, hidden.indexOf('\n') >= 0 ? "\n\n" : "");
      at = s.end();
    }
    if (at < t.length()) b.addText(t.substring(at));
    AnnotatedText annotated = b.build();
    List<RuleMatch> found;
    try {
      found = tool(iso).check(annotated);
    } catch (IOException e) {
      throw new UncheckedIOException("LanguageTool failed", e);
    }
    List<Match> out = new ArrayList<>();
    for (RuleMatch m : found) {
      Rule rule = m.getRule();
      if (disabledRules.contains(rule.getId())) continue;
      out.add(
          new Match(
              m.getFromPos(),
              m.getToPos(),
              rule.getId(),
              rule.isDictionaryBasedSpellingRule(),
              m.getMessage().replaceAll("</?suggestion>", "'")));
    }
    return out;
  }
}
