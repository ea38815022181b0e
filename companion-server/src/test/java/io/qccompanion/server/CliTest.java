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
  void everyOptionIsReadFromTheFileAndFromTheEnvironment() throws Exception {
    Path file = dir.resolve("all.yaml");
    Files.writeString(
        file,
        """
        host: 127.0.0.2
        publicUrl: https://qc.example
        database: {url: "jdbc:sqlite:x.db", user: u, password: p}
        secretKey: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=
        sessionHours: 3
        editWindowHours: 5
        metricsToken: file-token
        frameAncestors: [https://a.example, https://b.example]
        mail: {host: smtp.example, port: 2525, tls: NONE, from: qc@example.com, username: m}
        """);
    var fromFile = ConfigLoader.load(file, Map.of());
    assertThat(fromFile.host()).isEqualTo("127.0.0.2");
    assertThat(fromFile.publicUrl()).isEqualTo("https://qc.example");
    assertThat(fromFile.databaseUser()).isEqualTo("u");
    assertThat(fromFile.sessionTtl()).hasHours(3);
    assertThat(fromFile.editWindow()).hasHours(5);
    assertThat(fromFile.security().metricsToken()).isEqualTo("file-token");
    assertThat(fromFile.security().frameAncestors())
        .containsExactly("https://a.example", "https://b.example");
    assertThat(fromFile.mail().port()).isEqualTo(2525);
    assertThat(fromFile.mail().username()).isEqualTo("m");
    var fromEnv =
        ConfigLoader.load(
            file,
            Map.of(
                "QC_METRICS_TOKEN", "env-token",
                "QC_FRAME_ANCESTORS", "https://c.example",
                "QC_MAIL_PORT", "465",
                "QC_DB_USER", "v"));
    assertThat(fromEnv.security().metricsToken()).isEqualTo("env-token");
    assertThat(fromEnv.security().frameAncestors()).containsExactly("https://c.example");
    assertThat(fromEnv.mail().port()).isEqualTo(465);
    assertThat(fromEnv.databaseUser()).isEqualTo("v");
  }

  @Test
  void anUnknownNestedKeyIsNamed() throws Exception {
    Path file = dir.resolve("nested.yaml");
    Files.writeString(
        file, "secretKey: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nmail: {hots: x}\n");
    var error =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ConfigLoader.InvalidConfigException.class, () -> ConfigLoader.load(file, Map.of()));
    assertThat(error.getMessage()).contains("unknown key 'mail.hots'");
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

  @Test
  void serveExitWhenReadyStartsAnswersReadyAndStops() throws Exception {
    Path file = dir.resolve("qc.yaml");
    Files.writeString(
        file,
        "secretKey: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\ndatabase:\n  url: jdbc:sqlite:"
            + dir.resolve("trial.db")
            + "\n");
    assertThat(Main.run("serve", "--exit-when-ready", "-c", file.toString()))
        .as("serve refuses a database that does not exist")
        .isNotZero();
    assertThat(Main.run("migrate", "-c", file.toString())).isZero();
    assertThat(Main.run("serve", "--exit-when-ready", "-c", file.toString())).isZero();
  }
}
