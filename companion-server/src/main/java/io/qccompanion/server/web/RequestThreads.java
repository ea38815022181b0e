package io.qccompanion.server.web;

import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Jetty's request threads, sized to the cores rather than Jetty's 250: a request is CPU work plus
 * one short database read, so more threads than this only queue on the connection pool and grow
 * memory. Connections wait in a bounded queue; beyond it Jetty refuses new work instead of growing
 * without bound. docs/performance.md has the measurements behind the numbers.
 */
public final class RequestThreads {
  private RequestThreads() {}

  /** Threads per core; the connection pool (see {@code Database}) is smaller still. */
  static final int PER_CORE = 8;

  /** Jobs waiting for a thread before Jetty rejects more (each keep-alive connection is one). */
  static final int QUEUE = 4096;

  /** A pool for {@code cores} processors: 8 per core, between 16 and 64 threads. */
  public static ThreadPool pool(int cores) {
    int max = Math.max(16, Math.min(64, cores * PER_CORE));
    var pool = new QueuedThreadPool(max, Math.min(8, max), 60_000, new BlockingArrayQueue<>(256, 256, QUEUE));
    pool.setName("qc-http");
    return pool;
  }
}
