package io.qccompanion.server.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's one writer, shared by group commit. A caller of {@link Database#write} that finds no
 * transaction running runs its unit at once, alone. Callers that arrive meanwhile queue up; when
 * the transaction ends, the first of them takes the writer's turn and runs up to {@code maxBatch}
 * queued units in <em>one</em> transaction, each inside its own {@code SAVEPOINT}, commits once and
 * wakes them. Each caller gets its own result or exception, after the commit: a unit that throws
 * rolls back to its savepoint only; a failed {@code BEGIN} or {@code COMMIT} fails every unit of
 * the batch and writes nothing of it.
 *
 * <p>Callbacks run on the thread of whichever caller writes the batch, so they must not depend on
 * thread-locals of their caller. A write started inside a unit runs on its own connection and
 * transaction, as it did under the old write lock (and waits for SQLite's lock like then). {@link
 * Handle#afterCommit} actions of a unit that rolled back to its savepoint still run when the batch
 * commits; use them for idempotent work such as forgetting caches.
 */
final class GroupCommit {
  /** Units in one transaction at most: bounds the wait of the first unit of a batch. */
  static final int MAX_BATCH = 32;

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
  private final Jdbi jdbi;
  private final int maxBatch;
  private final ArrayDeque<Unit<?, ?>> queue = new ArrayDeque<>(); // guarded by this
  private boolean writing; // guarded by this; true while a writer has or is handed the turn
  private volatile Thread writer;

  GroupCommit(Jdbi jdbi, int maxBatch) {
    if (maxBatch < 1) throw new IllegalArgumentException("maxBatch < 1");
    this.jdbi = jdbi;
    this.maxBatch = maxBatch;
  }

  <R, X extends Exception> R write(HandleCallback<R, X> callback) throws X {
    if (writer == Thread.currentThread())
      return StorageFailures.translate(() -> jdbi.inTransaction(callback));
    var unit = new Unit<>(callback);
    boolean turn;
    synchronized (this) {
      queue.add(unit);
      turn = !writing; // nobody writing means the queue held nothing before this unit
      writing = true;
    }
    if (!turn) unit.awaitWakeUp(); // done by another writer, or handed the turn
    if (!unit.done) writeBatch();
    return StorageFailures.translate(unit::result);
  }

  /** Units waiting for a transaction (tests use it to line up a batch). */
  synchronized int waiting() {
    return queue.size();
  }

  // Called by the thread holding the turn; its own unit is at the head of the queue.
  private void writeBatch() {
    List<Unit<?, ?>> batch = new ArrayList<>();
    synchronized (this) {
      while (batch.size() < maxBatch && !queue.isEmpty()) batch.add(queue.poll());
    }
    List<Unit<?, ?>> notRun = List.of();
    writer = Thread.currentThread();
    try {
      notRun = commit(batch);
    } finally {
      writer = null;
      Unit<?, ?> next;
      synchronized (this) {
        for (int i = notRun.size() - 1; i >= 0; i--) queue.addFirst(notRun.get(i));
        next = queue.peek();
        writing = next != null;
      }
      if (next != null) next.wakeUp(); // hand over the turn first, then wake the batch
      for (Unit<?, ?> u : batch) if (u.done) u.wakeUp();
    }
  }

  /**
   * Runs {@code batch} in one transaction and marks every unit done, except those returned: units
   * not run because SQLite had already rolled the transaction back under an earlier one.
   */
  private List<Unit<?, ?>> commit(List<Unit<?, ?>> batch) {
    List<Unit<?, ?>> succeeded = new ArrayList<>(batch.size());
    Handle h = null;
    try {
      h = jdbi.open();
      h.begin();
      for (int i = 0; i < batch.size(); i++) {
        Unit<?, ?> u = batch.get(i);
        h.execute("SAVEPOINT unit");
        boolean ok = u.run(h);
        try {
          if (!ok) h.execute("ROLLBACK TO unit");
          h.execute("RELEASE unit");
        } catch (RuntimeException lost) {
          // SQLite rolls the whole transaction back on some errors (SQLITE_FULL, IOERR, NOMEM):
          // the savepoint is gone with the work of every unit before this one, which fail with
          // the error that ended it (an outage answers 503) when this unit saw it
          if (ok) u.fail(lost);
          else u.error.addSuppressed(lost);
          u.done = true;
          Throwable cause = u.error;
          for (Unit<?, ?> s : succeeded) s.fail(cause);
          succeeded.forEach(s -> s.done = true);
          reopen(h);
          rollback(h, lost);
          return batch.subList(i + 1, batch.size());
        }
        if (ok) succeeded.add(u);
        else u.done = true;
      }
      h.commit();
      succeeded.forEach(s -> s.done = true);
      return List.of();
    } catch (RuntimeException | Error e) {
      if (h != null) rollback(h, e);
      for (Unit<?, ?> u : batch)
        if (!u.done) {
          if (u.error == null) u.fail(e);
          u.done = true;
        }
      return List.of();
    } finally {
      if (h != null) close(h);
    }
  }

  // Every unit is decided by now; a connection that fails to close is the pool's to replace.
  private static void close(Handle h) {
    try {
      h.close();
    } catch (RuntimeException e) {
      LOG.warn("closing the write connection failed", e);
    }
  }

  /**
   * After SQLite ended the transaction on its own, opens one so the connection is again in the
   * state the driver believes (inside a transaction) and the rollback below ends it cleanly.
   */
  private static void reopen(Handle h) {
    try {
      h.execute("BEGIN");
    } catch (RuntimeException alreadyOpen) {
      // a transaction is still open after all: the rollback ends it
    }
  }

  private static void rollback(Handle h, Throwable cause) {
    try {
      h.rollback();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** One caller's callback and, once its batch is over, its result or exception. */
  private static final class Unit<R, X extends Exception> {
    private final HandleCallback<R, X> callback;
    private final CountDownLatch wake = new CountDownLatch(1);
    private R value;
    private Throwable error;
    // written by the batch's writer before wakeUp, read by the caller after it (latch = barrier)
    private volatile boolean done;

    Unit(HandleCallback<R, X> callback) {
      this.callback = callback;
    }

    /** Runs the callback; false when it threw (the error is kept for the caller). */
    boolean run(Handle h) {
      try {
        value = callback.withHandle(h);
        return true;
      } catch (Throwable e) {
        error = e;
        return false;
      }
    }

    void fail(Throwable e) {
      value = null;
      error = e;
    }

    void wakeUp() {
      wake.countDown();
    }

    // Uninterruptible like the lock it replaces; the interrupt is kept for the caller.
    void awaitWakeUp() {
      boolean interrupted = false;
      while (true) {
        try {
          wake.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) Thread.currentThread().interrupt();
    }

    @SuppressWarnings("unchecked")
    R result() throws X {
      if (error == null) return value;
      if (error instanceof RuntimeException e) throw e;
      if (error instanceof Error e) throw e;
      throw (X) error; // the callback may throw only X besides unchecked exceptions
    }
  }
}
