package io.qccompanion.server.cli;

import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.server.config.ConfigLoader;
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
}
