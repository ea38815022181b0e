package io.qccompanion.server.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Where the write-back of an evaluation's latest revision stands.
 *
 * @param status PENDING, DONE or FAILED
 * @param outcome WRITTEN, ALREADY_PRESENT or FELL_BACK once done; null before
 * @param detail the host's explanation or the last error
 * @param attempts publish attempts so far (credential failures are not counted)
 * @param steps the steps of the write-back done so far, in order, each with its outcome
 * @param failedStep the step the last failure happened in, or null
 */
public record WriteBackStatus(
    int revision,
    String status,
    String outcome,
    String detail,
    String hostReference,
    int attempts,
    Instant nextAttemptAt,
    List<Step> steps,
    String failedStep) {

  /** One finished step (e.g. {@code comment}, {@code fields}) and what it did. */
  public record Step(String name, String outcome, String hostReference, String detail) {}
}
