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

  private final LanguageDetector detector;
  private final String fallback;

  public LanguageGuess(List<String> languages, String fallback) {
    this.fallback = fallback;
    List<LdLocale> locales = new ArrayList<>();
    for (String l : languages) locales.add(LdLocale.fromString(l));
    try {
      List<LanguageProfile> profiles = new LanguageProfileReader().readBuiltIn(locales);
      this.detector =
          LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled language profiles", e);
    }
  }

  /** Guesses the language of a text. */
  public Result guess(String text) {
    long letters = text.chars().filter(Character::isLetter).count();
    if (letters < MIN_LETTERS) return new Result(fallback, 0);
    List<DetectedLanguage> found = detector.getProbabilities(text);
    if (found.isEmpty() || found.get(0).getProbability() < MIN_PROBABILITY)
      return new Result(fallback, 0);
    DetectedLanguage best = found.get(0);
    return new Result(best.getLocale().getLanguage(), best.getProbability());
  }
}
