package io.qccompanion.server.scorecards;

import java.util.List;

/** A titled group of criteria. */
public record Section(String name, List<Criterion> criteria) {
  public Section {
    criteria = criteria == null ? List.of() : List.copyOf(criteria);
  }
}
