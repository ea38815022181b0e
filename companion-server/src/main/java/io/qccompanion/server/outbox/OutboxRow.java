package io.qccompanion.server.outbox;

import io.qccompanion.model.WriteResult;
import java.util.Map;

/**
 * A claimed outbox row; {@code leaseToken} proves the claim on every later update; {@code steps}
 * holds the write-back steps already done, in order.
 */
record OutboxRow(
    String id,
    String evaluationId,
    int revision,
    String connectionId,
    int attempts,
    boolean outcomeUnknown,
    String leaseToken,
    Map<String, WriteResult> steps) {}
