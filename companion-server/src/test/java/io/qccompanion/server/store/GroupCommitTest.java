package io.qccompanion.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on SQLite: writers that wait share one transaction, each under its own savepoint,
 * and every caller gets exactly its own result or exception after the commit.
 */
class GroupCommitTest {
  private static final int WAITING = 8;
  @TempDir Path dir;
  Database db;
  ExecutorService threads;

  @BeforeEach
  void open() {
    db = Database.open("jdbc:sqlite:" + dir.resolve("qc.db"), null, null);
    db.run(h -> h.execute("CREATE TABLE t (id TEXT PRIMARY KEY)"));
    db.run(h -> h.execute("CREATE TABLE n (k INTEGER PRIMARY KEY, v INTEGER NOT NULL)"));
    db.run(h -> h.execute("INSERT INTO n VALUES (1, 0)"));
    threads = Executors.newFixedThreadPool(64);
  }

  @AfterEach
  void close() throws InterruptedException {
    threads.shutdownNow();
    threads.awaitTermination(10, TimeUnit.SECONDS);
    db.close();
  }

  @Test
  void concurrentWritersAreEachCommittedExactlyOnce() throws Exception {
    List<Future<Integer>> results = new ArrayList<>();
    for (int w = 0; w < 64; w++) {
      int writer = w;
      results.add(
          threads.submit(
              () -> {
                int sum = 0;
                for (int i = 0; i < 50; i++) {
                  String id = writer + "-" + i;
                  sum +=
                      db.write(
                          h -> {
                            h.execute("INSERT INTO t VALUES (?)", id);
                            h.execute("UPDATE n SET v = v + 1 WHERE k = 1");
                            return id.length();
                          });
                }
                return sum;
              }));
    }
    int expected = 0;
    for (int w = 0; w < 64; w++) {
      for (int i = 0; i < 50; i++) expected += (w + "-" + i).length();
    }
    int returned = 0;
    for (var r : results) returned += r.get(60, TimeUnit.SECONDS);
    assertThat(returned).as("every caller got its own result").isEqualTo(expected);
    assertThat(count("SELECT count(*) FROM t")).isEqualTo(64 * 50);
    assertThat(count("SELECT v FROM n")).isEqualTo(64 * 50);
  }

  @Test
  void aFailingUnitRollsBackOnlyItselfAndItsCallerGetsItsOwnException() throws Exception {
    var commit = new GroupCommit(Jdbi.create(db.dataSource()), 32);
    Set<Handle> handles = ConcurrentHashMap.newKeySet();
    List<Future<String>> results =
        lineUp(
            commit,
            i ->
                h -> {
                  handles.add(h);
                  h.execute("INSERT INTO t VALUES (?)", "u" + i);
                  if (i == 2) throw new IllegalStateException("unit 2 refuses");
                  if (i == 5) throw new IOException("unit 5 cannot read its file");
                  return "u" + i;
                });

    assertThat(handles).as("the waiting units shared one transaction").hasSize(1);
    for (int i = 0; i < WAITING; i++) {
      Future<String> r = results.get(i);
      if (i == 2)
        assertThatThrownBy(r::get)
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isExactlyInstanceOf(IllegalStateException.class)
            .hasMessage("unit 2 refuses");
      else if (i == 5)
        assertThatThrownBy(r::get)
            .cause()
            .isExactlyInstanceOf(IOException.class)
            .hasMessage("unit 5 cannot read its file");
      else assertThat(r.get()).isEqualTo("u" + i);
    }
    assertThat(ids()).containsExactlyInAnyOrder("first", "u0", "u1", "u3", "u4", "u6", "u7");
  }

  @Test
  void exceptionsReachTheCallerAsTheyWereThrown() {
    assertThatThrownBy(
            () ->
                db.<Object, IOException>write(
                    h -> {
                      h.execute("INSERT INTO t VALUES ('gone')");
                      throw new IOException("checked");
                    }))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("checked");
    var own = new IllegalArgumentException("own");
    assertThatThrownBy(
            () ->
                db.write(
                    h -> {
                      throw own;
                    }))
        .isSameAs(own);
    // a constraint violation stays the statement's exception, not an outage
    assertThatThrownBy(() -> db.run(h -> h.execute("INSERT INTO n VALUES (1, 1)")))
        .isInstanceOf(org.jdbi.v3.core.statement.UnableToExecuteStatementException.class)
        .isNotInstanceOf(StorageUnavailableException.class);
    assertThat(ids()).isEmpty();
  }

  @Test
  void aFailedCommitWritesNothingOfTheBatchAndFailsEveryCaller() throws Exception {
    var failCommit = new AtomicBoolean();
    var commit = new GroupCommit(Jdbi.create(failingCommits(db.dataSource(), failCommit)), 32);
    List<Future<String>> results =
        lineUp(
            commit,
            i ->
                h -> {
                  h.execute("INSERT INTO t VALUES (?)", "u" + i);
                  failCommit.set(true);
                  return "u" + i;
                });

    for (Future<String> r : results)
      assertThatThrownBy(r::get).cause().hasRootCauseMessage("disk I/O error (simulated)");
    assertThat(ids())
        .as("the held unit committed alone, nothing of the batch")
        .containsExactly("first");
    failCommit.set(false);
    int inserted = commit.write(h -> h.execute("INSERT INTO t VALUES ('after')"));
    assertThat(inserted).isEqualTo(1);
    assertThat(ids()).containsExactlyInAnyOrder("first", "after");
  }

  @Test
  void aTransactionSqliteRolledBackMidBatchLeavesNothingHalfWritten() throws Exception {
    var commit = new GroupCommit(Jdbi.create(db.dataSource()), 32);
    List<Future<String>> results =
        lineUp(
            commit,
            i ->
                h -> {
                  h.execute("INSERT INTO t VALUES (?)", "u" + i);
                  // what SQLite does itself on SQLITE_FULL or IOERR: the whole transaction is gone
                  if (i == 3) h.execute("ROLLBACK");
                  return "u" + i;
                });

    for (int i = 0; i < WAITING; i++) {
      if (i <= 3) assertThatThrownBy(results.get(i)::get).isInstanceOf(ExecutionException.class);
      else assertThat(results.get(i).get()).isEqualTo("u" + i);
    }
    assertThat(ids())
        .as("units after the lost transaction ran again in a new one")
        .containsExactlyInAnyOrder("first", "u4", "u5", "u6", "u7");
  }

  @Test
  void aWriterAloneRunsAtOnce() {
    var commit = new GroupCommit(Jdbi.create(db.dataSource()), 32);
    int inserted = commit.write(h -> h.execute("INSERT INTO t VALUES ('alone')"));
    assertThat(inserted).isEqualTo(1);
    assertThat(commit.waiting()).isZero();
    assertThat(ids()).containsExactly("alone");
  }

  interface UnitFactory {
    HandleCallback<String, Exception> unit(int i);
  }

  /**
   * Holds the writer's turn with a unit writing "first", queues {@link #WAITING} units behind it in
   * index order (so they form the next batch), then lets the first finish; returns their results.
   */
  private List<Future<String>> lineUp(GroupCommit commit, UnitFactory units) throws Exception {
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    Future<Integer> first =
        threads.submit(
            () ->
                commit.write(
                    h -> {
                      int n = h.execute("INSERT INTO t VALUES ('first')");
                      holding.countDown();
                      release.await();
                      return n;
                    }));
    holding.await();
    List<Future<String>> results = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (int i = 0; i < WAITING; i++) {
      var unit = units.unit(i);
      results.add(threads.submit(() -> commit.write(unit)));
      // one at a time, so the batch runs them in index order
      while (commit.waiting() < i + 1 && System.nanoTime() < deadline) Thread.sleep(1);
    }
    assertThat(commit.waiting()).isEqualTo(WAITING);
    release.countDown();
    try {
      first.get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // a test may fail the held unit's commit too
    }
    for (var r : results) {
      try {
        r.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // asserted by the caller
      }
    }
    return results;
  }

  private int count(String sql) {
    return db.read(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  private List<String> ids() {
    return db.read(h -> h.createQuery("SELECT id FROM t").mapTo(String.class).list());
  }

  /**
   * Connections whose COMMIT fails while {@code fail} is set, as on a disk that stopped
   * (sqlite-jdbc also commits when auto-commit is switched back on).
   */
  private static DataSource failingCommits(DataSource real, AtomicBoolean fail) {
    return (DataSource)
        Proxy.newProxyInstance(
            GroupCommitTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              if (!method.getName().equals("getConnection")) return result;
              Connection c = (Connection) result;
              return Proxy.newProxyInstance(
                  GroupCommitTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (p, m, a) -> {
                    boolean commits =
                        m.getName().equals("commit")
                            || (m.getName().equals("setAutoCommit") && (boolean) a[0]);
                    if (commits && fail.get()) throw new SQLException("disk I/O error (simulated)");
                    return invoke(c, m, a);
                  });
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
