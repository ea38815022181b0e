package io.qccompanion.server.outbox;

/** A claimed outbox row; {@code leaseToken} proves the claim on every later update. */
record OutboxRow(
    String id,
    String evaluationId,
    int revision,
    String connectionId,
    int attempts,
    boolean outcomeUnknown,
    String leaseToken) {}
