package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qccompanion.model.Checkpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Jira's sync position. JQL compares {@code updated} at minute precision, so the next query starts
 * one minute before the minute of {@code since} and skips the issue versions in {@code seen} (issue
 * id → updated) that were already returned.
 *
 * @param since every issue version updated before the minute of this instant minus one minute has
 *     been returned
 * @param seen issue versions returned whose updated time is at or after {@link #overlapStart()}
 */
record JqlCheckpoint(Instant since, Map<String, Instant> seen) {
  static final Duration OVERLAP = Duration.ofMinutes(1);

  JqlCheckpoint {
    seen = Map.copyOf(seen);
  }

  static JqlCheckpoint read(Checkpoint checkpoint, Instant startFrom, ObjectMapper mapper) {
    if (checkpoint.isInitial()) {
      return new JqlCheckpoint(startFrom == null ? Instant.EPOCH : startFrom, Map.of());
    }
    try {
      return mapper.readValue(checkpoint.value(), JqlCheckpoint.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a Jira checkpoint: " + checkpoint.value(), e);
    }
  }

  Checkpoint write(ObjectMapper mapper) {
    try {
      return new Checkpoint(mapper.writeValueAsString(this));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lower bound of the next query: the minute of {@link #since} minus the overlap. */
  Instant overlapStart() {
    return since.truncatedTo(ChronoUnit.MINUTES).minus(OVERLAP);
  }

  boolean alreadySeen(String id, Instant updated) {
    return updated.equals(seen.get(id));
  }

  /** Advances past {@code id@updated}, keeping only versions the next overlap can return again. */
  JqlCheckpoint advance(String id, Instant updated) {
    Instant newSince = updated.isAfter(since) ? updated : since;
    Instant keepFrom = newSince.truncatedTo(ChronoUnit.MINUTES).minus(OVERLAP);
    Map<String, Instant> kept = new HashMap<>();
    seen.forEach(
        (k, v) -> {
          if (!v.isBefore(keepFrom)) kept.put(k, v);
        });
    if (!updated.isBefore(keepFrom)) kept.put(id, updated);
    return new JqlCheckpoint(newSince, kept);
  }

  /** Moves past an empty window: nothing before {@code until} is left to read. */
  JqlCheckpoint skipTo(Instant until) {
    return until.isAfter(since) ? new JqlCheckpoint(until, Map.of()).retainFrom(seen) : this;
  }

  private JqlCheckpoint retainFrom(Map<String, Instant> previous) {
    Map<String, Instant> kept = new HashMap<>();
    previous.forEach(
        (k, v) -> {
          if (!v.isBefore(overlapStart())) kept.put(k, v);
        });
    return new JqlCheckpoint(since, kept);
  }
}
