package io.qccompanion.server.autoqa;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Offline language identification with the n-gram profiles bundled in the optimaize
 * language-detector jar (the detector LanguageTool itself uses), limited to the configured
 * languages. Below {@link #MIN_LETTERS} letters or {@link #MIN_PROBABILITY} the default language is
 * assumed with confidence 0.
 */
final class LanguageGuess {
  /** A guess: ISO 639-1 code and the detector's probability. */
  public record Result(String language, double confidence) {}

  static final int MIN_LETTERS = 20;
  static final double MIN_PROBABILITY = 0.6;

  private final List<LdLocale> locales = new ArrayList<>();
  private final String fallback;
  // the n-gram profiles load on the first guess, not on the server's way to /ready
  private volatile LanguageDetector detector;

  public LanguageGuess(List<String> languages, String fallback) {
    this.fallback = fallback;
    for (String l : languages) locales.add(LdLocale.fromString(l));
  }

  private LanguageDetector detector() {
    LanguageDetector d = detector;
    if (d != null) return d;
    synchronized (this) {
      if (detector == null) {
        try {
          List<LanguageProfile> profiles = new LanguageProfileReader().readBuiltIn(locales);
          detector =
              LanguageDetectorBuilder.create(NgramExtractors.standard())
                  .withProfiles(profiles)
                  .build();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the bundled language profiles", e);
        }
      }
      return detector;
    }
  }

  /** Guesses the language of a text. */
  public Result guess(String text) {
    long letters = text.chars().filter(Character::isLetter).count();
    if (letters < MIN_LETTERS) return new Result(fallback, 0);
    List<DetectedLanguage> found = detector().getProbabilities(text);
    if (found.isEmpty() || found.get(0).getProbability() < MIN_PROBABILITY)
      return new Result(fallback, 0);
    DetectedLanguage best = found.get(0);
    return new Result(best.getLocale().getLanguage(), best.getProbability());
  }
}
