package io.qccompanion.server.autoqa;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Engine-wide settings. Immutable; change a copy with {@link #newBuilder()}.
 *
 * @param grammarLanguages ISO 639-1 code → LanguageTool language code (e.g. {@code en → en-US});
 *     each needs its {@code org.languagetool:language-xx} module on the class path
 * @param detectLanguages ISO 639-1 codes the detector chooses from; each must have a phrase set
 * @param defaultLanguage assumed when the text is too short or the detector is unsure
 * @param disabledRules LanguageTool rule ids never counted (noisy in chat-style support text)
 */
record AutoQaConfig(
    Map<String, String> grammarLanguages,
    Set<String> detectLanguages,
    String defaultLanguage,
    Set<String> disabledRules) {

  /** English grammar; detection among English, German, French and Spanish. */
  public static final AutoQaConfig DEFAULTS =
      new AutoQaConfig(
          Map.of("en", "en-US"),
          Set.of("en", "de", "fr", "es"),
          "en",
          Set.of("EN_QUOTES", "UPPERCASE_SENTENCE_START", "SENTENCE_FRAGMENT"));

  public AutoQaConfig {
    grammarLanguages = java.util.Collections.unmodifiableMap(new TreeMap<>(grammarLanguages));
    detectLanguages = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(detectLanguages));
    disabledRules =
        java.util.Collections.unmodifiableSortedSet(
            new TreeSet<>(disabledRules == null ? Set.of() : disabledRules));
    if (defaultLanguage == null || !detectLanguages.contains(defaultLanguage))
      throw new IllegalArgumentException("defaultLanguage must be one of detectLanguages");
    if (!detectLanguages.containsAll(grammarLanguages.keySet()))
      throw new IllegalArgumentException("every grammar language must also be detected");
  }

  /** A builder holding this configuration. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** Builds {@link AutoQaConfig}. */
  public static final class Builder {
    private Map<String, String> grammarLanguages;
    private Set<String> detectLanguages;
    private String defaultLanguage;
    private Set<String> disabledRules;

    private Builder(AutoQaConfig c) {
      grammarLanguages = c.grammarLanguages;
      detectLanguages = c.detectLanguages;
      defaultLanguage = c.defaultLanguage;
      disabledRules = c.disabledRules;
    }

    public Builder grammarLanguages(Map<String, String> languages) {
      grammarLanguages = languages;
      return this;
    }

    public Builder detectLanguages(Set<String> languages) {
      detectLanguages = languages;
      return this;
    }

    public Builder defaultLanguage(String language) {
      defaultLanguage = language;
      return this;
    }

    public Builder disabledRules(Set<String> rules) {
      disabledRules = rules;
      return this;
    }

    public AutoQaConfig build() {
      return new AutoQaConfig(grammarLanguages, detectLanguages, defaultLanguage, disabledRules);
    }
  }

  List<String> sortedDetectLanguages() {
    return List.copyOf(detectLanguages);
  }
}
