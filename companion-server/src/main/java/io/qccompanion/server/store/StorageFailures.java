package io.qccompanion.server.store;

import java.sql.SQLException;
import java.util.Set;
import org.jdbi.v3.core.ConnectionException;

/** Tells a storage outage (answer 503, retry later) from a failure of the statement itself. */
final class StorageFailures {
  // SQLite primary result codes: READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB
  private static final Set<Integer> SQLITE_OUTAGES = Set.of(8, 10, 11, 13, 14, 26);

  private StorageFailures() {}

  interface Work<R, X extends Exception> {
    R run() throws X;
  }

  static <R, X extends Exception> R translate(Work<R, X> work) throws X {
    try {
      return work.run();
    } catch (ConnectionException e) {
      throw new StorageUnavailableException("cannot reach the database", e);
    } catch (RuntimeException e) {
      if (isOutage(e)) throw new StorageUnavailableException("the database refused the write", e);
      throw e;
    }
  }

  static boolean isOutage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException) return true;
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && state.startsWith("08")) return true; // connection exception
        if (state != null && state.equals("25006")) return true; // read-only transaction
        if (t.getClass().getName().equals("org.sqlite.SQLiteException")
            && SQLITE_OUTAGES.contains(sql.getErrorCode() & 0xff)) return true;
      }
    }
    return false;
  }
}
