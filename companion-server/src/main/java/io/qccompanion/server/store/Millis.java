package io.qccompanion.server.store;

import java.time.Instant;

/** Reads the BIGINT epoch-millisecond columns the schema uses for instants. */
public final class Millis {
  private Millis() {}

  /** The instant of a nullable column value as JDBC returns it (Long or Integer), or null. */
  public static Instant toInstant(Object millis) {
    return millis == null ? null : Instant.ofEpochMilli(((Number) millis).longValue());
  }
}
