package io.qccompanion.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    Path db = Path.of("src/main/resources/db");
    int newest = newest(db.resolve("migration"));
    for (String vendor : List.of("sqlite", "postgresql"))
      newest = Math.max(newest, newest(db.resolve("vendor").resolve(vendor)));
    assertThat(Database.SCHEMA_VERSION)
        .as("Database.SCHEMA_VERSION names the newest migration; raise it with each new one")
        .isEqualTo(String.valueOf(newest));
  }

  @Test
  void eachDatabaseHasTheSameVendorMigrations() throws Exception {
    Path vendor = Path.of("src/main/resources/db/vendor");
    assertThat(names(vendor.resolve("postgresql")))
        .as("a migration in db/vendor has a twin of the same name for the other database")
        .isEqualTo(names(vendor.resolve("sqlite")));
  }

  private static final Pattern NAME = Pattern.compile("V(\\d+)__.+\\.sql");

  private static Set<String> names(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> NAME.matcher(n).matches())
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static int newest(Path dir) throws IOException {
    return names(dir).stream()
        .map(NAME::matcher)
        .filter(Matcher::matches)
        .mapToInt(m -> Integer.parseInt(m.group(1)))
        .max()
        .orElse(0);
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
