package io.qccompanion.server.cli;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.domain.NotFound;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sync", description = "Sync one connection now, until the host has nothing more.")
final class SyncCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Parameters(paramLabel = "CONNECTION", description = "The connection's name.")
  String name;

  @Option(names = "--max-pages", defaultValue = "1000", description = "Stop after this many pages.")
  int maxPages;

  @Override
  public Integer call() {
    try (var app = new CompanionApp(config.load(), Clock.systemUTC())) {
      var c = app;
      var connection =
          c.db()
              .read(h -> c.connections().find(h, name))
              .orElseThrow(() -> new NotFound("connection", name));
      var result = c.sync().syncOnce(connection.id(), maxPages);
      System.out.printf(
          "%s: %s, %d page(s), %d ticket(s) stored%s%n",
          name,
          result.outcome(),
          result.pages(),
          result.tickets(),
          result.error() == null ? "" : " — " + result.error());
      return "FAILED".equals(result.outcome()) ? 1 : 0;
    }
  }
}
