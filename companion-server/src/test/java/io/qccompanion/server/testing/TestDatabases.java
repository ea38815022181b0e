package io.qccompanion.server.testing;

import java.nio.file.Path;

/** Chooses the test database: a fresh SQLite file, or PostgreSQL when a URL is configured. */
final class TestDatabases {
  private TestDatabases() {}

  static String url(Path dir) {
    String pg = System.getenv("QC_TEST_DB_URL");
    if (pg != null && !pg.isBlank()) return pg;
    return "jdbc:sqlite:" + dir.resolve("qc.db");
  }
}
