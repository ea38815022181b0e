package io.qccompanion.server.outbox;

import java.time.Instant;

/**
 * Where the write-back of an evaluation's latest revision stands.
 *
 * @param status PENDING, DONE or FAILED
 * @param outcome WRITTEN, ALREADY_PRESENT or FELL_BACK once done; null before
 * @param detail the host's explanation or the last error
 * @param attempts publish attempts so far (credential failures are not counted)
 */
public record WriteBackStatus(
    int revision,
    String status,
    String outcome,
    String detail,
    String hostReference,
    int attempts,
    Instant nextAttemptAt) {}
