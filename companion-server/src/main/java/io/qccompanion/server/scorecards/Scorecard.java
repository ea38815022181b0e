package io.qccompanion.server.scorecards;

import java.time.Instant;
import java.util.List;

/**
 * A scorecard with its current draft and the versions published from it.
 *
 * @param sections the draft's sections (what the next publish freezes)
 * @param teamId, channel, tag, isDefault the drafted routing (what the next publish applies)
 * @param versions published versions, oldest first
 * @param live the routing tickets get now; null before the first publish
 */
public record Scorecard(
    String id,
    String name,
    String description,
    String teamId,
    String channel,
    String tag,
    boolean isDefault,
    double passMark,
    boolean archived,
    List<Section> sections,
    Instant createdAt,
    Instant updatedAt,
    List<VersionSummary> versions,
    Scorecards.Routing live) {

  /** A published version without its definition. */
  public record VersionSummary(String id, int version, Instant publishedAt, String publishedBy) {}

  /** The newest published version, if any. */
  public VersionSummary latest() {
    return versions.isEmpty() ? null : versions.get(versions.size() - 1);
  }
}
