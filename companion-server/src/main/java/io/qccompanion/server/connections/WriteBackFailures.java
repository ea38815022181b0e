package io.qccompanion.server.connections;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.outbox.ConnectionHealth;
import io.qccompanion.server.store.Database;

/** Pauses a connection whose host refused the write-back credentials, so admins see the alert. */
final class WriteBackFailures implements ConnectionHealth {
  private final Database db;
  private final ConnectionStore connections;
  private final AuditLog audit;

  public WriteBackFailures(Database db, ConnectionStore connections, AuditLog audit) {
    this.db = db;
    this.connections = connections;
    this.audit = audit;
  }

  @Override
  public void credentialsRejected(String connectionId, String detail) {
    String reason = "write-back credentials rejected: " + detail;
    db.run(
        h -> {
          Connection before = connections.get(h, connectionId);
          if (before.status() == Connection.Status.PAUSED) return;
          connections.setPaused(h, connectionId, reason);
          audit.record(h, null, "connection.pause", "connection", connectionId, before, reason);
        });
  }
}
