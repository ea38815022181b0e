package io.qccompanion.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the test database: a fresh SQLite file by default; with {@code -Dqc.test.db=postgres}
 * (the {@code postgres} Maven profile) a fresh database on one embedded PostgreSQL server per JVM
 * (real binaries from Maven Central).
 */
public final class TestDatabases {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private TestDatabases() {}

  static String url(Path dir) {
    if ("postgres".equals(System.getProperty("qc.test.db"))) return freshPostgresDatabase();
    return "jdbc:sqlite:" + dir.resolve("qc.db");
  }

  /** A new, empty PostgreSQL database on the shared embedded server. */
  public static synchronized String freshPostgresDatabase() {
    try {
      if (postgres == null) {
        postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        postgres.close();
                      } catch (IOException ignored) {
                        // the JVM is exiting
                      }
                    }));
      }
      String name = "qc_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
      try (var c = postgres.getPostgresDatabase().getConnection();
          var s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return postgres.getJdbcUrl("postgres", name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test database", e);
    }
  }
}
