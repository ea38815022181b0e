package io.qccompanion.server.store;

import com.github.f4b6a3.uuid.UuidCreator;

/** Time-ordered identifiers (UUID v7): unique across instances and sortable by creation. */
public final class Ids {
  private Ids() {}

  public static String newId() {
    return UuidCreator.getTimeOrderedEpoch().toString();
  }
}
