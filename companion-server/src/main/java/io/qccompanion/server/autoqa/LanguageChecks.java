package io.qccompanion.server.autoqa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spelling and grammar (LanguageTool) and readability of the agent replies. */
final class LanguageChecks {
  private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)*");
  private static final Pattern NAME_PART = Pattern.compile("[\\p{L}'’\\-]+");

  private final Grammar grammar;

  public LanguageChecks(Grammar grammar) {
    this.grammar = grammar;
  }

  /** Errors per 100 words, ignoring names, the team dictionary and product-like tokens. */
  public CheckResult spelling(
      ConversationView view, String language, double languageConfidence, TeamRules team) {
    String id = Check.SPELLING_GRAMMAR.id();
    List<Integer> replies = view.agentReplies();
    if (replies.isEmpty()) return CheckResult.notApplicable(id, "no agent reply");
    if (!grammar.supports(language))
      return CheckResult.notApplicable(
          id, "no LanguageTool module configured for '" + language + "'");
    Set<String> names = new HashSet<>();
    for (String n : view.conversation().participantNames()) {
      Matcher m = NAME_PART.matcher(n);
      while (m.find()) names.add(m.group().toLowerCase(Locale.ROOT));
    }
    int words = 0;
    int spelling = 0;
    List<Evidence> evidence = new ArrayList<>();
    for (int i : replies) {
      ReadableText text = view.text(i);
      words += countWords(text.visibleText());
      for (Grammar.Match m : grammar.check(language, text)) {
        String covered = text.text().substring(m.start(), m.end());
        if (m.spelling() && ignoredWord(covered, text.text(), m.start(), names, team.dictionary()))
          continue;
        if (m.spelling()) spelling++;
        evidence.add(new Evidence(i, m.start(), m.end(), "lt:" + m.ruleId(), covered, m.message()));
      }
    }
    if (words == 0)
      return CheckResult.notApplicable(id, "agent replies have no words of their own");
    double per100 = 100.0 * evidence.size() / words;
    double confidence = 0.9 * Math.min(1, words / 30.0) * (languageConfidence > 0 ? 1 : 0.7);
    String note =
        "%d spelling and %d grammar matches in %d words"
            .formatted(spelling, evidence.size() - spelling, words);
    return new CheckResult(id, per100, null, null, evidence, round(confidence), note);
  }

  /** Flesch reading ease over all agent replies together. */
  public CheckResult readability(ConversationView view, String language) {
    String id = Check.READABILITY.id();
    List<Integer> replies = view.agentReplies();
    if (replies.isEmpty()) return CheckResult.notApplicable(id, "no agent reply");
    if (!Readability.supports(language))
      return CheckResult.notApplicable(id, "no reading-ease formula for '" + language + "'");
    StringBuilder all = new StringBuilder();
    for (int i : replies) all.append(view.text(i).visibleText()).append("\n\n");
    Readability.Measure m = Readability.measure(all.toString(), language);
    if (m.words() == 0)
      return CheckResult.notApplicable(id, "agent replies have no words of their own");
    String note =
        "%d words, %d sentences, %d syllables".formatted(m.words(), m.sentences(), m.syllables());
    return new CheckResult(
        id, m.ease(), null, null, List.of(), round(Math.min(1, m.words() / 100.0)), note);
  }

  static int countWords(String text) {
    int n = 0;
    Matcher m = WORD.matcher(text);
    while (m.find()) n++;
    return n;
  }

  /**
   * Names, dictionary words and product-like tokens (digits, inner capitals, all capitals, a
   * capitalised word inside a sentence) are not spelling mistakes in support replies.
   */
  static boolean ignoredWord(
      String word, String text, int at, Set<String> names, Set<String> dictionary) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (names.contains(lower) || dictionary.contains(lower)) return true;
    if (word.chars().anyMatch(Character::isDigit) || productLike(word)) return true;
    return capitalisedInside(word, text, at);
  }

  private static boolean productLike(String word) {
    if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) return true;
    for (int i = 1; i < word.length(); i++) if (Character.isUpperCase(word.charAt(i))) return true;
    return false;
  }

  private static boolean capitalisedInside(String word, String text, int at) {
    if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) return false;
    for (int i = at - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) && c != '\n') continue;
      return !(c == '.' || c == '!' || c == '?' || c == '\n' || c == ':');
    }
    return false;
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
