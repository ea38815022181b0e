package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SentimentAndReadabilityTest {
  static final Sentiment EN = Sentiment.load("en");

  static double compound(double s) {
    return s / Math.sqrt(s * s + 15);
  }

  static double score(String text) {
    return EN.score(ReadableText.of(text, null)).compound();
  }

  @Test
  void vaderRulesMatchHandComputedCompounds() {
    assertThat(score("good")).isCloseTo(compound(1.9), within(1e-12));
    assertThat(score("not good")).isCloseTo(compound(1.9 * -0.74), within(1e-12));
    assertThat(score("very good")).isCloseTo(compound(1.9 + 0.293), within(1e-12));
    assertThat(score("very very good"))
        .isCloseTo(compound(1.9 + 0.293 + 0.293 * 0.95), within(1e-12));
    assertThat(score("good!")).isCloseTo(compound(1.9 + 0.292), within(1e-12));
    assertThat(score("it is GOOD now")).isCloseTo(compound(1.9 + 0.733), within(1e-12));
    assertThat(score("good but terrible"))
        .isCloseTo(compound(1.9 * 0.5 - 3.1 * 1.5), within(1e-12));
    assertThat(score("the invoice for May")).isZero();
  }

  @Test
  void quotedTextDoesNotCount() {
    assertThat(score("thanks\n> this is terrible")).isCloseTo(compound(1.9), within(1e-12));
  }

  @Test
  void germanLexiconNegates() {
    Sentiment de = Sentiment.load("de");
    assertThat(de.score(ReadableText.of("nicht gut", null)).compound())
        .isCloseTo(compound(1.9 * -0.74), within(1e-12));
  }

  @Test
  void fleschMatchesHandCounts() {
    // 9 words, 3 sentences, 9 syllables: 206.835 - 1.015 * 3 - 84.6 * 1
    Readability.Measure en = Readability.measure("I sent the link. Click it. It works now.", "en");
    assertThat(en.words()).isEqualTo(9);
    assertThat(en.sentences()).isEqualTo(3);
    assertThat(en.syllables()).isEqualTo(9);
    assertThat(en.ease()).isCloseTo(206.835 - 1.015 * 3 - 84.6, within(1e-9));
    // Amstad: ich 1, habe 2, die 1, rechnung 2, korrigiert 3 = 9 syllables in 5 words
    Readability.Measure de = Readability.measure("Ich habe die Rechnung korrigiert.", "de");
    assertThat(de.syllables()).isEqualTo(9);
    assertThat(de.ease()).isCloseTo(180 - 5 - 58.5 * 9 / 5, within(1e-9));
  }

  @Test
  void englishSyllablesDropSilentEndings() {
    assertThat(Readability.syllables("make", "en")).isEqualTo(1);
    assertThat(Readability.syllables("invoices", "en")).isEqualTo(3);
    assertThat(Readability.syllables("updated", "en")).isEqualTo(3);
    assertThat(Readability.syllables("organisation", "en")).isEqualTo(5);
  }
}
