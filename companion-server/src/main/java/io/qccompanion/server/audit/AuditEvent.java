package io.qccompanion.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One audit event as read back: who did what to which entity, before and after. */
record AuditEvent(
    String id,
    Instant at,
    String actorId,
    String action,
    String entityType,
    String entityId,
    JsonNode before,
    JsonNode after) {}
