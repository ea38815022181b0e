package io.qccompanion.server.web;

import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Jetty's request threads, sized to the cores rather than Jetty's 250: a request is CPU work plus
 * one short database read, so more threads only queue on the connection pool and grow memory. The
 * load is bounded by open connections (as Jetty advises, rather than by a bounded job queue):
 * beyond {@link #MAX_CONNECTIONS} Jetty stops accepting and new ones wait in the OS backlog.
 * docs/performance.md has the measurements behind the numbers.
 */
public final class RequestThreads {
  private RequestThreads() {}

  /** Threads per core; the database pool (see {@code Database}) is smaller still. */
  static final int PER_CORE = 8;

  /** Open connections served at once (keep-alive ones included). */
  public static final int MAX_CONNECTIONS = 2_000;

  /** A pool for {@code cores} processors: 8 per core, between 16 and 64 threads. */
  public static ThreadPool pool(int cores) {
    int max = Math.max(16, Math.min(64, cores * PER_CORE));
    var pool = new QueuedThreadPool(max, Math.min(8, max), 60_000);
    pool.setName("qc-http");
    return pool;
  }

  /** Caps the open connections of {@code server}'s connectors at {@link #MAX_CONNECTIONS}. */
  public static void limitConnections(Server server) {
    server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
  }
}
