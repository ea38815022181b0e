package io.qccompanion.server.cli;

import io.qccompanion.server.store.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", description = "Apply pending database migrations and exit.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Override
  public Integer call() {
    var c = config.load();
    try (var db = Database.open(c.databaseUrl(), c.databaseUser(), c.databasePassword())) {
      System.out.println("applied " + db.migrate() + " migration(s) to " + c.databaseUrl());
    }
    return 0;
  }
}
