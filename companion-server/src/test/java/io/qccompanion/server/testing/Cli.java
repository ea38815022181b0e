package io.qccompanion.server.testing;

import io.qccompanion.server.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a command of the jar's command line against a database, with a YAML config in {@code dir}.
 */
public final class Cli {
  private Cli() {}

  /** Returns the exit code of {@code command --config <yaml> more...}. */
  public static int run(Path dir, String command, String dbUrl, String secretKey, String... more) {
    Path config = dir.resolve("qc-" + command + "-" + System.nanoTime() + ".yaml");
    try {
      Files.writeString(
          config,
          "host: 127.0.0.1\nport: 0\nsecretKey: %s\ndatabase:\n  url: %s\n"
              .formatted(secretKey, dbUrl));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String[] args = new String[3 + more.length];
    args[0] = command;
    args[1] = "--config";
    args[2] = config.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    return Main.run(args);
  }
}
