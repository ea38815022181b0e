package io.qccompanion.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "backup",
    description =
        "Copy the SQLite database to a new file while the server runs (VACUUM INTO), then check"
            + " the copy. PostgreSQL: use pg_dump (docs/deployment.md).")
final class BackupCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "FILE",
      description = "Where the copy goes; must not exist yet.")
  Path target;

  @Override
  public Integer call() {
    var c = config.load();
    try (var db = ConfigOptions.openExisting(c)) {
      var copy = db.backupTo(target);
      System.out.printf(
          "backed up to %s (%d bytes, %d migrations, integrity ok)%n",
          target, copy.bytes(), copy.migrations());
    }
    return 0;
  }
}
