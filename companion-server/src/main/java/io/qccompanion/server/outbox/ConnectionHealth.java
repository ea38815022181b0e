package io.qccompanion.server.outbox;

/** Told by the write-back worker when a host rejects a connection's credentials. */
@FunctionalInterface
public interface ConnectionHealth {
  /**
   * The host refused the credentials of {@code connectionId}; the write-back stays queued (not
   * counted as an attempt). Implementations typically pause the connection and tell admins why.
   * Called outside any transaction, from the worker's thread.
   */
  void credentialsRejected(String connectionId, String detail);
}
