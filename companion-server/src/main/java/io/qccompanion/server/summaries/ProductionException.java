package io.qccompanion.server.summaries;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Hours an agent could not work on tickets on one day; they reduce that day's production target.
 *
 * @param kind DOWNTIME, TRAINING, LEAVE or SYSTEM_OUTAGE
 * @param hours 0..24
 */
record ProductionException(
    String id,
    String agentId,
    String teamId,
    LocalDate date,
    Kind kind,
    double hours,
    String note,
    String createdBy,
    Instant createdAt) {

  /** Why the agent could not work. */
  public enum Kind {
    DOWNTIME,
    TRAINING,
    LEAVE,
    SYSTEM_OUTAGE
  }
}
