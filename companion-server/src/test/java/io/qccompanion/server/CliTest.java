package io.qccompanion.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.cli.Main;
import io.qccompanion.server.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  @Test
  void helpListsTheCommands() {
    var out = new ByteArrayOutputStream();
    var previous = System.out;
    System.setOut(new PrintStream(out));
    try {
      assertThat(Main.run("--help")).isZero();
    } finally {
      System.setOut(previous);
    }
    assertThat(out.toString()).contains("serve", "migrate", "user", "token", "sync");
  }

  @Test
  void invalidConfigListsEveryProblem() throws Exception {
    Path file = dir.resolve("qc.yaml");
    Files.writeString(file, "port: lots\ncolour: blue\ndatabase:\n  url: jdbc:mysql://x\n");
    var error =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ConfigLoader.InvalidConfigException.class, () -> ConfigLoader.load(file, Map.of()));
    assertThat(error.getMessage())
        .contains("port must be a whole number")
        .contains("unknown key 'colour'")
        .contains("jdbc:sqlite: or jdbc:postgresql:")
        .contains("secretKey is missing");
  }

  @Test
  void environmentOverridesTheFile() throws Exception {
    Path file = dir.resolve("qc.yaml");
    Files.writeString(
        file, "port: 9000\nsecretKey: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
    var config = ConfigLoader.load(file, Map.of("QC_PORT", "9100"));
    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.toString()).doesNotContain("AAAA");
  }

  @Test
  void migrateAndUserCreateWorkOnAFreshDatabase() {
    String url = "jdbc:sqlite:" + dir.resolve("cli.db");
    var env =
        Map.of("QC_DB_URL", url, "QC_SECRET_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    var config = ConfigLoader.load(null, env);
    try (var db = io.qccompanion.server.store.Database.open(config.databaseUrl(), null, null)) {
      assertThat(db.migrate()).isGreaterThan(0);
      assertThat(db.migrate()).isZero();
    }
  }
}
