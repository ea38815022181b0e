package io.qccompanion.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start skips Flyway only when the last migration recorded is the newest this build ships and
 * succeeded; any other history goes through Flyway, which migrates or refuses.
 */
class StartMigrationTest {
  @TempDir Path dir;

  @Test
  void schemaVersionIsTheNewestMigrationFile() throws Exception {
    var name = Pattern.compile("V(\\d+)__.+\\.sql");
    try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
      int newest =
          files
              .map(f -> name.matcher(f.getFileName().toString()))
              .filter(m -> m.matches())
              .mapToInt(m -> Integer.parseInt(m.group(1)))
              .max()
              .orElseThrow();
      assertThat(Database.SCHEMA_VERSION)
          .as("Database.SCHEMA_VERSION names the newest migration; raise it with each new one")
          .isEqualTo(String.valueOf(newest));
    }
  }

  @Test
  void aStartMigratesANewDatabaseThenSkipsFlywayUntilTheHistoryDiffers() {
    try (var db = Database.open("jdbc:sqlite:" + dir.resolve("qc.db"), null, null)) {
      assertThat(db.migrateIfBehind()).as("a new database is migrated").isPositive();
      assertThat(db.migrateIfBehind()).isZero();

      // the newest migration recorded as failed: Flyway runs and refuses to start on it
      db.write(
          h ->
              h.execute(
                  "UPDATE flyway_schema_history SET success = ? WHERE version = ?",
                  false,
                  Database.SCHEMA_VERSION));
      assertThatThrownBy(db::migrateIfBehind)
          .isInstanceOf(FlywayException.class)
          .hasMessageContaining(Database.SCHEMA_VERSION);
    }
  }
}
