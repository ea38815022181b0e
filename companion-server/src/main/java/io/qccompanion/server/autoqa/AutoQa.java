package io.qccompanion.server.autoqa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AutoQA engine: scores a conversation with every check, offline and deterministically. Thread
 * safe; LanguageTool is created lazily once per thread and language, so share one engine.
 */
final class AutoQa {
  /** Bumped whenever a check's logic changes; part of {@link #ruleSetVersion}. */
  public static final String ENGINE_VERSION = "1";

  private final AutoQaConfig config;
  private final Grammar grammar;
  private final LanguageChecks languageChecks;
  private final LanguageGuess detector;
  private final Map<String, PhraseBook> phrases = new TreeMap<>();
  private final Map<String, Sentiment> lexicons = new TreeMap<>();
  private final String baseDigest;
  private final Map<TeamRules, String> versions = new ConcurrentHashMap<>();

  public AutoQa(AutoQaConfig config) {
    this.config = config;
    this.grammar = new Grammar(config.grammarLanguages(), config.disabledRules());
    this.languageChecks = new LanguageChecks(grammar);
    this.detector =
        new LanguageGuess(List.copyOf(config.detectLanguages()), config.defaultLanguage());
    StringBuilder digest = new StringBuilder(config.toString());
    for (String language : config.detectLanguages()) {
      PhraseBook book = PhraseBook.load(language);
      Sentiment lexicon = Sentiment.load(language);
      if (book == null || lexicon == null)
        throw new IllegalArgumentException(
            "no phrase set or sentiment lexicon ships for '" + language + "'");
      phrases.put(language, book);
      lexicons.put(language, lexicon);
      digest.append('\0').append(book.content()).append('\0').append(lexicon.content());
    }
    this.baseDigest = digest.toString();
  }

  /** The readable text of a message: evidence offsets refer to it. */
  public static String readableText(ConversationMessage message) {
    return readableText(message.text(), message.html());
  }

  /** The readable text of a stored message (sanitised HTML when present, else the plain text). */
  public static String readableText(String text, String html) {
    return ReadableText.of(text == null ? "" : text, html).text();
  }

  /**
   * Identifies everything that decides a result: engine, LanguageTool version, configuration, the
   * phrase sets and lexicons, and the team's rules.
   */
  public String ruleSetVersion(TeamRules team) {
    return versions.computeIfAbsent(
        team,
        t -> {
          byte[] hash = sha256(baseDigest + '\0' + t);
          return "autoqa-"
              + ENGINE_VERSION
              + "/lt-"
              + Grammar.version()
              + "/"
              + HexFormat.of().formatHex(hash, 0, 6);
        });
  }

  /** Scores a conversation with the team's rules. */
  public AutoQaResult score(Conversation conversation, TeamRules team) {
    ConversationView view = new ConversationView(conversation);
    LanguageGuess.Result language = detector.guess(view.publicVisibleText());
    String lang = language.language();
    PhraseChecks phraseChecks = new PhraseChecks(phrases.get(lang), lexicons.get(lang), true);
    List<CheckResult> checks = new ArrayList<>();
    checks.add(languageChecks.spelling(view, lang, language.confidence(), team));
    checks.add(phraseChecks.greeting(view));
    checks.add(phraseChecks.closing(view));
    checks.add(phraseChecks.empathy(view));
    checks.add(phraseChecks.apology(view));
    checks.addAll(phraseChecks.sentiment(view));
    checks.add(phraseChecks.escalation(view));
    checks.add(TimingChecks.firstReply(view, team));
    checks.add(TimingChecks.longestWait(view, team));
    checks.add(TimingChecks.reopens(view, team));
    checks.add(TimingChecks.handleTime(view, team));
    checks.add(languageChecks.readability(view, lang));
    checks.addAll(ProcessChecks.check(view, team));
    return new AutoQaResult(
        ruleSetVersion(team), lang, Math.round(language.confidence() * 1000) / 1000.0, checks);
  }

  /** The configuration this engine runs with. */
  public AutoQaConfig config() {
    return config;
  }

  /** Raw LanguageTool for this thread, configured as the spelling check uses it (benchmarks). */
  public org.languagetool.JLanguageTool languageTool(String language) {
    return grammar.tool(language);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
