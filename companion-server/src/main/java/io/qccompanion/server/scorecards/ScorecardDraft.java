package io.qccompanion.server.scorecards;

import java.util.List;

/**
 * The editable state of a scorecard, as sent by admins and kept until the next publish.
 *
 * @param teamId team the scorecard applies to; null means every team
 * @param channel only tickets from this channel (e.g. {@code email}); null means any
 * @param tag only tickets carrying this tag; null means any
 * @param isDefault the fallback scorecard for its team (or for the organisation when teamId is
 *     null)
 * @param passMark defaults to 90
 */
public record ScorecardDraft(
    String name,
    String description,
    String teamId,
    String channel,
    String tag,
    Boolean isDefault,
    Double passMark,
    List<Section> sections) {

  public static final double DEFAULT_PASS_MARK = 90;

  public ScorecardDraft {
    sections = sections == null ? List.of() : List.copyOf(sections);
  }

  /** This draft with blanks normalised and defaults applied. */
  public ScorecardDraft normalised() {
    return new ScorecardDraft(
        name == null ? null : name.strip(),
        blankToNull(description),
        blankToNull(teamId),
        blankToNull(channel),
        blankToNull(tag),
        isDefault != null && isDefault,
        passMark == null ? DEFAULT_PASS_MARK : passMark,
        sections);
  }

  /** The immutable definition a publish freezes. */
  public ScorecardDefinition definition() {
    return new ScorecardDefinition(name, description, passMark, sections);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
