package io.qccompanion.server.scorecards;

import java.util.List;
import java.util.Optional;

/**
 * What a published version freezes: the questions and the pass mark they are judged against.
 *
 * @param passMark score percentage at or above which an evaluation passes
 */
public record ScorecardDefinition(
    String name, String description, double passMark, List<Section> sections) {

  public ScorecardDefinition {
    sections = sections == null ? List.of() : List.copyOf(sections);
  }

  /** The criterion with {@code id}, if any. */
  public Optional<Located> criterion(String id) {
    for (Section s : sections)
      for (Criterion c : s.criteria()) if (c.id().equals(id)) return Optional.of(new Located(s, c));
    return Optional.empty();
  }

  /** A criterion with the section it belongs to. */
  public record Located(Section section, Criterion criterion) {}
}
