package io.qccompanion.server.autoqa;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a team configures for AutoQA: SLA targets, its product dictionary and its process rules.
 * Immutable; change a copy with {@link #newBuilder()}.
 *
 * @param firstReplyTarget longest acceptable first reply, or null for no target
 * @param longestWaitTarget longest acceptable wait for an agent reply, or null
 * @param handleTimeTarget longest acceptable handle time, or null
 * @param maxReopens most reopens that still pass, or null
 * @param dictionary words never reported as misspelt (product names, feature names); compared
 *     case-insensitively
 * @param processRules checks on internal notes
 */
record TeamRules(
    Duration firstReplyTarget,
    Duration longestWaitTarget,
    Duration handleTimeTarget,
    Integer maxReopens,
    Set<String> dictionary,
    List<ProcessRule> processRules) {

  /** Defaults from our SOP: first reply 4 h, wait 24 h, handle time 6 min, no reopen. */
  public static final TeamRules DEFAULTS =
      new TeamRules(
          Duration.ofHours(4), Duration.ofHours(24), Duration.ofMinutes(6), 0, Set.of(), List.of());

  public TeamRules {
    TreeSet<String> words = new TreeSet<>();
    if (dictionary != null) for (String w : dictionary) words.add(w.strip().toLowerCase());
    words.remove("");
    dictionary = java.util.Collections.unmodifiableSortedSet(words);
    processRules = processRules == null ? List.of() : List.copyOf(processRules);
    if (processRules.stream().map(ProcessRule::name).distinct().count() != processRules.size())
      throw new IllegalArgumentException("process rule names must be unique");
    if (maxReopens != null && maxReopens < 0) throw new IllegalArgumentException("maxReopens < 0");
  }

  /** A builder holding these rules. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** Builds {@link TeamRules}. */
  public static final class Builder {
    private Duration firstReplyTarget;
    private Duration longestWaitTarget;
    private Duration handleTimeTarget;
    private Integer maxReopens;
    private Set<String> dictionary;
    private List<ProcessRule> processRules;

    private Builder(TeamRules r) {
      firstReplyTarget = r.firstReplyTarget;
      longestWaitTarget = r.longestWaitTarget;
      handleTimeTarget = r.handleTimeTarget;
      maxReopens = r.maxReopens;
      dictionary = r.dictionary;
      processRules = r.processRules;
    }

    public Builder firstReplyTarget(Duration d) {
      firstReplyTarget = d;
      return this;
    }

    public Builder longestWaitTarget(Duration d) {
      longestWaitTarget = d;
      return this;
    }

    public Builder handleTimeTarget(Duration d) {
      handleTimeTarget = d;
      return this;
    }

    public Builder maxReopens(Integer n) {
      maxReopens = n;
      return this;
    }

    public Builder dictionary(Set<String> words) {
      dictionary = words;
      return this;
    }

    public Builder processRules(List<ProcessRule> rules) {
      processRules = rules;
      return this;
    }

    public TeamRules build() {
      return new TeamRules(
          firstReplyTarget,
          longestWaitTarget,
          handleTimeTarget,
          maxReopens,
          dictionary,
          processRules);
    }
  }
}
