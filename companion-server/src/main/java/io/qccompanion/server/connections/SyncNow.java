package io.qccompanion.server.connections;

/** Runs a connection's sync now; the sync feature implements it, so connections need not see it. */
public interface SyncNow {
  /** What one run did. */
  record Result(String outcome, int pages, int tickets, String error) {}

  /** Syncs until the host has nothing more or {@code maxPages} pages were stored. */
  Result syncOnce(String connectionId, int maxPages);
}
