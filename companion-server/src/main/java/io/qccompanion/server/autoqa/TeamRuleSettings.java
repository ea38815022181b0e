package io.qccompanion.server.autoqa;

import io.qccompanion.server.domain.Fields;
import io.qccompanion.server.domain.Invalid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A team's AutoQA rules as the API reads and writes them (and as they are stored): SLA targets in
 * minutes (null: no target), the product dictionary as typed, the process rules. {@link #toRules}
 * validates them, naming the failing field, and gives the {@link TeamRules} the checks use.
 *
 * @param firstReplyMinutes longest acceptable first reply
 * @param longestWaitMinutes longest acceptable wait from a customer message to the agent's reply
 * @param handleTimeMinutes longest acceptable handle time
 * @param maxReopens most reopens that still pass
 * @param dictionary single words never reported as misspelt (product and feature names)
 * @param processRules checks on the agents' internal notes
 */
record TeamRuleSettings(
    Double firstReplyMinutes,
    Double longestWaitMinutes,
    Double handleTimeMinutes,
    Integer maxReopens,
    List<String> dictionary,
    List<Rule> processRules) {

  static final double MAX_WAIT_MINUTES = 43_200; // 30 days
  static final double MAX_HANDLE_MINUTES = 1_440;
  static final int MAX_REOPENS = 100;
  static final int MAX_WORDS = 1_000;
  static final int MAX_WORD = 64;
  static final int MAX_RULES = 50;
  static final int MAX_KEYWORDS = 20;
  static final int MAX_KEYWORD = 200;
  static final int MAX_REGEX = 500;
  private static final Pattern SLUG = Pattern.compile("[a-z0-9_\\-]{1,64}");

  /**
   * One process rule.
   *
   * @param name slug, unique in the team; the check id is {@code process:<name>}
   * @param keywords phrases looked for as whole words, case-insensitively
   * @param regex a Java regular expression, or null
   * @param required true: a note must match; false: no note may match
   */
  record Rule(String name, List<String> keywords, String regex, Boolean required) {}

  /** The SOP defaults ({@link TeamRules#DEFAULTS}) in this form. */
  static final TeamRuleSettings DEFAULTS = of(TeamRules.DEFAULTS);

  TeamRuleSettings {
    dictionary = dictionary == null ? List.of() : List.copyOf(dictionary);
    processRules = processRules == null ? List.of() : List.copyOf(processRules);
  }

  /** Rules already validated (the defaults), in this form. */
  static TeamRuleSettings of(TeamRules r) {
    return new TeamRuleSettings(
        minutes(r.firstReplyTarget()),
        minutes(r.longestWaitTarget()),
        minutes(r.handleTimeTarget()),
        r.maxReopens(),
        List.copyOf(r.dictionary()),
        r.processRules().stream()
            .map(p -> new Rule(p.name(), p.keywords(), p.regex(), p.required()))
            .toList());
  }

  /** Validates every field; the first failure is an {@link Invalid} naming its JSON pointer. */
  TeamRules toRules() {
    if (dictionary.size() > MAX_WORDS)
      throw Invalid.malformed("/dictionary", "at most " + MAX_WORDS + " words");
    for (int i = 0; i < dictionary.size(); i++) {
      String w = dictionary.get(i);
      String field = "/dictionary/" + i;
      if (w == null || w.isBlank()) throw Invalid.malformed(field, "a dictionary word is blank");
      if (w.strip().length() > MAX_WORD || w.strip().chars().anyMatch(Character::isWhitespace))
        throw Invalid.malformed(
            field, "a dictionary entry is one word of at most " + MAX_WORD + " characters");
    }
    if (processRules.size() > MAX_RULES)
      throw Invalid.malformed("/processRules", "at most " + MAX_RULES + " process rules");
    List<ProcessRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < processRules.size(); i++) {
      ProcessRule rule = rule(processRules.get(i), "/processRules/" + i);
      if (!names.add(rule.name()))
        throw Invalid.malformed(
            "/processRules/" + i + "/name", "two process rules are named '" + rule.name() + "'");
      rules.add(rule);
    }
    return new TeamRules(
        duration(firstReplyMinutes, MAX_WAIT_MINUTES, "/firstReplyMinutes"),
        duration(longestWaitMinutes, MAX_WAIT_MINUTES, "/longestWaitMinutes"),
        duration(handleTimeMinutes, MAX_HANDLE_MINUTES, "/handleTimeMinutes"),
        maxReopens == null ? null : Fields.range(maxReopens, 0, MAX_REOPENS, "/maxReopens"),
        Set.copyOf(dictionary.stream().map(String::strip).toList()),
        rules);
  }

  private static ProcessRule rule(Rule r, String at) {
    if (r == null) throw Invalid.malformed(at, "process rule is null");
    String name = Fields.required(r.name(), at + "/name");
    if (!SLUG.matcher(name).matches())
      throw Invalid.malformed(
          at + "/name", "name must be a slug of 1 to 64 characters (a-z, 0-9, _ or -)");
    List<String> keywords = r.keywords() == null ? List.of() : r.keywords();
    if (keywords.size() > MAX_KEYWORDS)
      throw Invalid.malformed(at + "/keywords", "at most " + MAX_KEYWORDS + " keywords");
    for (int k = 0; k < keywords.size(); k++) {
      String word = keywords.get(k);
      if (word == null || word.isBlank())
        throw Invalid.malformed(at + "/keywords/" + k, "a keyword is blank");
      if (word.length() > MAX_KEYWORD)
        throw Invalid.malformed(
            at + "/keywords/" + k, "a keyword has at most " + MAX_KEYWORD + " characters");
    }
    String regex = r.regex() == null || r.regex().isBlank() ? null : r.regex();
    if (regex != null) {
      if (regex.length() > MAX_REGEX)
        throw Invalid.malformed(
            at + "/regex", "the regular expression has at most " + MAX_REGEX + " characters");
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw Invalid.malformed(
            at + "/regex",
            "not a valid regular expression: "
                + e.getDescription()
                + " near index "
                + e.getIndex());
      }
    }
    if (keywords.isEmpty() && regex == null)
      throw Invalid.malformed(at + "/keywords", "a process rule needs keywords or a regex");
    boolean required = Fields.required(r.required(), at + "/required");
    return new ProcessRule(name, keywords.stream().map(String::strip).toList(), regex, required);
  }

  private static Duration duration(Double minutes, double max, String field) {
    if (minutes == null) return null;
    return Duration.ofMillis(Math.round(Fields.range(minutes, 0, max, field) * 60_000));
  }

  private static Double minutes(Duration d) {
    return d == null ? null : d.toMillis() / 60_000.0;
  }
}
