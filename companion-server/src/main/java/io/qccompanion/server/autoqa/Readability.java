package io.qccompanion.server.autoqa;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flesch reading ease {@code a - b * words/sentences - c * syllables/words} with the coefficients
 * published for each language: English (Flesch 1948: 206.835, 1.015, 84.6), German (Amstad 1978:
 * 180, 1, 58.5), French (Kandel and Moles 1958: 207, 1.015, 73.6), Spanish (Szigriszt-Pazos 1993:
 * 206.835, 1, 62.3).
 */
final class Readability {
  /** Words, sentences and syllables of a text, and its reading ease. */
  public record Measure(int words, int sentences, int syllables, double ease) {}

  private record Coefficients(double a, double b, double c) {}

  private static final Map<String, Coefficients> COEFFICIENTS =
      Map.of(
          "en", new Coefficients(206.835, 1.015, 84.6),
          "de", new Coefficients(180, 1, 58.5),
          "fr", new Coefficients(207, 1.015, 73.6),
          "es", new Coefficients(206.835, 1, 62.3));

  private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)*");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(?=\\s|$)|\\n\\s*\\n|\\n");
  private static final Pattern VOWELS = Pattern.compile("[aeiouyàâäéèêëîïôöûüùáíóúñœæ]+");

  private Readability() {}

  /** Whether reading-ease coefficients exist for the language. */
  public static boolean supports(String language) {
    return COEFFICIENTS.containsKey(language);
  }

  /** Measures a text (ignored spans already blanked). */
  public static Measure measure(String text, String language) {
    Coefficients k = COEFFICIENTS.get(language);
    if (k == null) throw new IllegalArgumentException("no reading-ease formula for " + language);
    int words = 0;
    int syllables = 0;
    Matcher w = WORD.matcher(text);
    while (w.find()) {
      words++;
      syllables += syllables(w.group().toLowerCase(Locale.ROOT), language);
    }
    int sentences = 0;
    int last = 0;
    Matcher s = SENTENCE_END.matcher(text);
    while (s.find()) {
      if (WORD.matcher(text.substring(last, s.start())).find()) sentences++;
      last = s.end();
    }
    if (WORD.matcher(text.substring(last)).find()) sentences++;
    if (words == 0) return new Measure(0, 0, 0, Double.NaN);
    double ease = k.a - k.b * ((double) words / sentences) - k.c * ((double) syllables / words);
    return new Measure(words, sentences, syllables, ease);
  }

  /** Vowel groups; for English first drop a silent final e, es or ed (the usual heuristic). */
  static int syllables(String word, String language) {
    String w = word.replace("'", "").replace("’", "");
    if (language.equals("en")) {
      if (w.length() <= 3) return 1;
      if (w.endsWith("ed") && !w.matches(".*[td]ed")) w = w.substring(0, w.length() - 2);
      else if (w.endsWith("es") && !w.matches(".*(?:[csxzg]|ch|sh)es"))
        w = w.substring(0, w.length() - 2);
      else if (w.endsWith("e") && !w.matches(".*[^aeiouy]le")) w = w.substring(0, w.length() - 1);
      if (w.startsWith("y")) w = w.substring(1);
    }
    int n = 0;
    Matcher m = VOWELS.matcher(w);
    while (m.find()) n++;
    return Math.max(1, n);
  }
}
