package io.qccompanion.server.sampling;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Another feature's reason to keep an agent's sampling raised (e.g. an open action plan). The
 * workflow feature plugs its implementation in where {@code CompanionApp} builds the engine.
 */
@FunctionalInterface
public interface RaisedSamplingSignal {
  /** Never raises: used until a feature provides a signal. */
  RaisedSamplingSignal NONE = (h, agentId, now) -> null;

  /**
   * Returns why {@code agentId}'s sampling must stay raised at {@code now} (shown in the tier's
   * reasons, e.g. "open action plan 'Tone'"), or null when it need not.
   */
  String raisedBecause(Handle h, String agentId, Instant now);
}
