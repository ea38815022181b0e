package io.qccompanion.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.qccompanion.server.auth.Role;
import io.qccompanion.server.testing.Api;
import io.qccompanion.server.testing.Cli;
import io.qccompanion.server.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that vanishes or is replaced under a running server: {@code /ready} says NOT_READY and
 * writes answer 503 problem+json instead of 201 into a deleted file; {@code serve} refuses to start
 * on a database that is not there; {@code backup} makes a checked copy the server can run on.
 */
class StorageSafetyTest {
  private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  @TempDir Path dir;

  @Test
  void vanishedDatabaseMakesReadyNotReadyAndWritesAnswer503() throws Exception {
    Path file = dir.resolve("data/qc.db");
    try (TestApp app =
        TestApp.start(new TestApp.MutableClock(java.time.Instant.now()), url(file))) {
      Api admin = app.as(Role.ADMIN);
      assertThat(app.anonymous().get("/ready").status()).isEqualTo(200);
      assertThat(admin.post("/api/v1/teams", Map.of("name", "Before")).status()).isEqualTo(201);

      deleteFolder(file.getParent());

      var ready = app.anonymous().get("/ready");
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().get("status").asText()).isEqualTo("NOT_READY");
      var write = admin.post("/api/v1/teams", Map.of("name", "After"));
      assertThat(write.status()).isEqualTo(503);
      assertThat(write.contentType()).startsWith("application/problem+json");
      assertThat(write.text()).doesNotContain(file.toString());
      assertThat(file).doesNotExist();
    }
  }

  @Test
  void replacedDatabaseFileIsNotWrittenThrough() throws Exception {
    Path file = dir.resolve("qc.db");
    try (TestApp app =
        TestApp.start(new TestApp.MutableClock(java.time.Instant.now()), url(file))) {
      Api admin = app.as(Role.ADMIN);
      Files.move(file, dir.resolve("moved.db"));
      Files.writeString(file, "");
      assertThat(app.anonymous().get("/ready").status()).isEqualTo(503);
      assertThat(admin.post("/api/v1/teams", Map.of("name", "Lost")).status()).isEqualTo(503);
      assertThat(Files.size(file)).isZero();
    }
  }

  @Test
  void serveRefusesToCreateANewDatabase() throws Exception {
    Path file = dir.resolve("missing/qc.db");
    int code = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli("serve", file));
    assertThat(code).isNotZero();
    assertThat(file).doesNotExist();
    assertThat(cli("migrate", file)).isZero();
    assertThat(file).exists();
  }

  @Test
  void backupCopiesARunningDatabaseAndRefusesToOverwrite() throws Exception {
    Path file = dir.resolve("qc.db");
    Path copy = dir.resolve("copy.db");
    try (TestApp app =
        TestApp.start(new TestApp.MutableClock(java.time.Instant.now()), url(file))) {
      assertThat(app.as(Role.ADMIN).post("/api/v1/teams", Map.of("name", "Kept")).status())
          .isEqualTo(201);
      assertThat(cli("backup", file, "--to", copy.toString())).isZero();
      assertThat(cli("backup", file, "--to", copy.toString())).isEqualTo(2);
    }
    try (TestApp restored =
        TestApp.start(new TestApp.MutableClock(java.time.Instant.now()), url(copy))) {
      long teams =
          restored
              .c()
              .db()
              .read(
                  h ->
                      h.createQuery("SELECT count(*) FROM teams WHERE name = 'Kept'")
                          .mapTo(Long.class)
                          .one());
      assertThat(teams).isEqualTo(1);
    }
  }

  private int cli(String command, Path db, String... more) {
    return Cli.run(dir, command, url(db), KEY, more);
  }

  static String url(Path file) {
    return "jdbc:sqlite:" + file;
  }

  static void deleteFolder(Path folder) throws java.io.IOException {
    try (var files = Files.walk(folder)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
