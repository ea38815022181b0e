package io.qccompanion.server.audit;

import io.qccompanion.server.domain.Json;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/**
 * Appends audit events inside the caller's transaction, so a change and its record commit together.
 */
public final class AuditLog {
  private final Clock clock;

  public AuditLog(Clock clock) {
    this.clock = clock;
  }

  /**
   * Records that {@code actorId} did {@code action} to an entity.
   *
   * @param before the entity before the change (serialised to JSON), or null on create
   * @param after the entity after the change, or null on delete
   */
  public void record(
      Handle handle,
      String actorId,
      String action,
      String entityType,
      String entityId,
      Object before,
      Object after) {
    handle
        .createUpdate(
            """
            INSERT INTO audit_events (id, at, actor_id, action, entity_type, entity_id, before_json, after_json)
            VALUES (:id, :at, :actor, :action, :type, :entity, :before, :after)
            """)
        .bind("id", Ids.newId())
        .bind("at", clock.millis())
        .bind("actor", actorId)
        .bind("action", action)
        .bind("type", entityType)
        .bind("entity", entityId)
        .bind("before", before == null ? null : Json.write(before))
        .bind("after", after == null ? null : Json.write(after))
        .execute();
  }
}
