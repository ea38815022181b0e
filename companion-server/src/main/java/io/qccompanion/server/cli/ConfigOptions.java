package io.qccompanion.server.cli;

import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.server.config.ConfigLoader;
import io.qccompanion.server.store.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option every command shares. */
final class ConfigOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "YAML config file; QC_* environment variables override it.")
  Path file;

  CompanionConfig load() {
    return ConfigLoader.load(file, System.getenv());
  }

  /**
   * The configured database, refusing one that does not exist yet: a maintenance command never
   * creates an empty database where one is configured ({@code migrate} creates it).
   */
  static Database openExisting(CompanionConfig c) {
    Database.requireExisting(c.databaseUrl(), c.databaseUser(), c.databasePassword());
    return Database.open(c.databaseUrl(), c.databaseUser(), c.databasePassword());
  }
}
