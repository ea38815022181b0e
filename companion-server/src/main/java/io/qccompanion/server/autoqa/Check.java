package io.qccompanion.server.autoqa;

import java.util.Arrays;
import java.util.Optional;

/** The built-in checks; team process rules add {@code process:<name>} checks. */
public enum Check {
  /** LanguageTool spelling and grammar matches in agent replies, per 100 words. */
  SPELLING_GRAMMAR("spelling_grammar", "errors per 100 words", false),
  /** 1 when the first agent reply opens with a greeting, else 0. */
  GREETING("greeting", "1 = present", true),
  /** 1 when the last agent reply ends with a closing, else 0. */
  CLOSING("closing", "1 = present", true),
  /** Empathy and acknowledgement phrases in agent replies, count. */
  EMPATHY("empathy", "phrases", true),
  /** 1 when an agent apologised after a negative customer message; N/A without one. */
  APOLOGY("apology", "1 = present", true),
  /** Compound sentiment of the customer's last message, -1..1. */
  SENTIMENT_END("sentiment_end", "compound -1..1", true),
  /** Customer sentiment at the end minus at the start, -2..2. */
  SENTIMENT_SHIFT("sentiment_shift", "compound difference", true),
  /** Escalation words in customer messages, count. */
  ESCALATION("escalation", "phrases", false),
  /** Minutes from the first customer message to the first agent reply. */
  FIRST_REPLY("first_reply", "minutes", false),
  /** Longest minutes a customer waited for an agent reply. */
  LONGEST_WAIT("longest_wait", "minutes", false),
  /** Times the ticket was reopened. */
  REOPENS("reopens", "reopens", false),
  /** Agent handle time in minutes. */
  HANDLE_TIME("handle_time", "minutes", false),
  /** Flesch reading ease of the agent replies (language-specific coefficients), 0..100+. */
  READABILITY("readability", "reading ease", true);

  private final String id;
  private final String unit;
  private final boolean higherIsBetter;

  Check(String id, String unit, boolean higherIsBetter) {
    this.id = id;
    this.unit = unit;
    this.higherIsBetter = higherIsBetter;
  }

  /** Stable id stored with results and criterion bindings. */
  public String id() {
    return id;
  }

  /** Unit of {@link CheckResult#value()}. */
  public String unit() {
    return unit;
  }

  /** Whether a larger value is better (decides how a target is met). */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The check with this id; process rules ({@code process:...}) are higher-is-better 0/1. */
  public static Optional<Check> byId(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
  }

  /** Prefix of the ids of team process rules. */
  public static final String PROCESS_PREFIX = "process:";
}
