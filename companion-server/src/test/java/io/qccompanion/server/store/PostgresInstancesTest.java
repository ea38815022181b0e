package io.qccompanion.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qccompanion.server.testing.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

/** Several instances on one PostgreSQL database: migrations once, statements bounded in time. */
class PostgresInstancesTest {
  @Test
  void instancesStartingTogetherMigrateOnceUnderFlywaysLock() throws Exception {
    String url = TestDatabases.freshPostgresDatabase();
    var pool = Executors.newFixedThreadPool(3);
    try {
      List<Callable<Integer>> instances =
          List.of(() -> migrate(url), () -> migrate(url), () -> migrate(url));
      int executed = 0;
      for (Future<Integer> f : pool.invokeAll(instances)) executed += f.get();
      try (var db = Database.open(url, null, null)) {
        List<String> versions =
            db.read(
                h ->
                    h.createQuery(
                            "SELECT version FROM flyway_schema_history WHERE success"
                                + " AND version IS NOT NULL")
                        .mapTo(String.class)
                        .list());
        assertThat(versions).doesNotHaveDuplicates().contains("1", "100");
        assertThat(executed).isEqualTo(versions.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aStatementOverTheTimeoutIsCancelledByTheServer() {
    String url = TestDatabases.freshPostgresDatabase();
    try (var db = Database.open(url, null, null, Duration.ofMillis(200))) {
      int one = db.read(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
      assertThat(one).isEqualTo(1);
      assertThatThrownBy(() -> db.read(h -> h.execute("SELECT pg_sleep(5)")))
          .isInstanceOf(UnableToExecuteStatementException.class)
          .hasMessageContaining("statement timeout");
    }
  }

  private static int migrate(String url) {
    try (var db = Database.open(url, null, null)) {
      return db.migrate();
    }
  }
}
