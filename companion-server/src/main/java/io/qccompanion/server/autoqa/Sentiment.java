package io.qccompanion.server.autoqa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexicon sentiment after VADER (Hutto and Gilbert 2014, "VADER: A Parsimonious Rule-based Model
 * for Sentiment Analysis of Social Media Text"): word valences -4..4, boosters and dampeners in the
 * three words before, negation (x -0.74), capitalised emphasis, "but" shifting weight to the clause
 * after it, exclamation marks, then the compound {@code s / sqrt(s^2 + 15)}. The lexicons ({@code
 * /autoqa/sentiment/<lang>.txt}) are our own, small and support-specific.
 */
final class Sentiment {
  private static final double NEGATION = -0.74;
  private static final double CAPS = 0.733;
  private static final double EXCLAMATION = 0.292;
  private static final double ALPHA = 15;
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'’]+|[:;]-?[()DP]");

  /** A scored text: the compound and the words that carried it. */
  public record Score(double compound, int tokens, List<PhraseBook.Hit> words) {}

  private final RuleFile file;
  private final Map<String, Double> valence = new HashMap<>();
  private final Map<String, Double> boosters = new HashMap<>();
  private final Set<String> negations = new HashSet<>();
  private final Set<String> contrasts = new HashSet<>();
  private final String language;

  private Sentiment(String language, RuleFile file) {
    this.language = language;
    this.file = file;
    for (RuleFile.Entry e : file.section("lexicon")) {
      String[] parts = e.text().split("\\s+");
      valence.put(parts[0].toLowerCase(Locale.ROOT), Double.parseDouble(parts[1]));
    }
    for (RuleFile.Entry e : file.section("booster")) {
      String[] parts = e.text().split("\\s+");
      boosters.put(parts[0].toLowerCase(Locale.ROOT), Double.parseDouble(parts[1]));
    }
    for (RuleFile.Entry e : file.section("negation"))
      negations.add(e.text().toLowerCase(Locale.ROOT));
    for (RuleFile.Entry e : file.section("contrast"))
      contrasts.add(e.text().toLowerCase(Locale.ROOT));
  }

  /** The lexicon of a language, or null when none ships. */
  public static Sentiment load(String language) {
    RuleFile file = RuleFile.load("/autoqa/sentiment/" + language + ".txt");
    return file == null ? null : new Sentiment(language, file);
  }

  public String content() {
    return file.content();
  }

  /** Scores the visible parts of a text. */
  public Score score(ReadableText text) {
    String visible = text.visibleText();
    List<String> tokens = new ArrayList<>();
    List<int[]> offsets = new ArrayList<>();
    Matcher m = TOKEN.matcher(visible);
    while (m.find()) {
      tokens.add(m.group());
      offsets.add(new int[] {m.start(), m.end()});
    }
    boolean mixedCase = !visible.equals(visible.toUpperCase(Locale.ROOT));
    double[] scores = new double[tokens.size()];
    List<PhraseBook.Hit> words = new ArrayList<>();
    int contrastAt = -1;
    for (int i = 0; i < tokens.size(); i++) {
      String raw = tokens.get(i);
      String word = normal(raw);
      if (contrastAt < 0 && contrasts.contains(word)) contrastAt = i;
      Double v = valence.get(word);
      if (v == null || boosters.containsKey(word)) continue;
      double s = v;
      if (mixedCase
          && raw.length() > 1
          && raw.equals(raw.toUpperCase(Locale.ROOT))
          && hasLetter(raw)) s += Math.signum(s) * CAPS;
      for (int back = 1; back <= 3 && i - back >= 0; back++) {
        String prev = normal(tokens.get(i - back));
        Double b = boosters.get(prev);
        if (b != null) s += Math.signum(s) * b * (1 - 0.05 * (back - 1));
        if (negations.contains(prev) || prev.endsWith("n't") || prev.endsWith("n’t")) s *= NEGATION;
      }
      scores[i] = s;
      words.add(
          new PhraseBook.Hit(
              offsets.get(i)[0], offsets.get(i)[1], "sentiment:" + language + ":" + word));
    }
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      double weight = contrastAt < 0 ? 1 : i < contrastAt ? 0.5 : i > contrastAt ? 1.5 : 1;
      sum += scores[i] * weight;
    }
    if (sum != 0) {
      long bangs = Math.min(4, visible.chars().filter(c -> c == '!').count());
      sum += Math.signum(sum) * bangs * EXCLAMATION;
    }
    double compound = sum / Math.sqrt(sum * sum + ALPHA);
    return new Score(compound, tokens.size(), words);
  }

  private static String normal(String token) {
    return token.toLowerCase(Locale.ROOT).replace('’', '\'');
  }

  private static boolean hasLetter(String s) {
    return s.chars().anyMatch(Character::isLetter);
  }
}
