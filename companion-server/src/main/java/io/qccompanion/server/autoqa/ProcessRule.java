package io.qccompanion.server.autoqa;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A rule a team writes about its internal notes, e.g. "identity verified" must be noted before a
 * refund. Matches when any keyword (case-insensitive, whole words) or the regular expression is
 * found in an agent's internal note.
 *
 * @param name slug, unique per team; the check id is {@code process:<name>}
 * @param keywords phrases to look for; may be empty when {@code regex} is set
 * @param regex a Java regular expression, or null
 * @param required true: the note must contain a match (value 1 when found); false: it must not
 *     (value 1 when absent)
 */
record ProcessRule(String name, List<String> keywords, String regex, boolean required) {

  public ProcessRule {
    if (name == null || !name.matches("[a-z0-9_\\-]{1,64}"))
      throw new IllegalArgumentException("process rule name must be a slug (a-z, 0-9, _ or -)");
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    if (keywords.stream().anyMatch(k -> k == null || k.isBlank()))
      throw new IllegalArgumentException("process rule '" + name + "' has a blank keyword");
    if (keywords.isEmpty() && (regex == null || regex.isBlank()))
      throw new IllegalArgumentException("process rule '" + name + "' needs keywords or a regex");
    if (regex != null) {
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "process rule '" + name + "' has an invalid regex: " + e.getDescription());
      }
    }
  }

  /** The check id of this rule. */
  public String checkId() {
    return Check.PROCESS_PREFIX + name;
  }

  /** One pattern for the keywords and the regex. */
  public Pattern pattern() {
    StringBuilder p = new StringBuilder();
    for (String k : keywords) {
      if (!p.isEmpty()) p.append('|');
      p.append("(?<![\\p{L}\\p{N}])").append(Pattern.quote(k.strip())).append("(?![\\p{L}\\p{N}])");
    }
    if (regex != null && !regex.isBlank()) {
      if (!p.isEmpty()) p.append('|');
      p.append("(?:").append(regex).append(')');
    }
    return Pattern.compile(
        p.toString(),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
  }
}
