package io.qccompanion.server.cli;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.store.Database;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    description =
        "Run the companion server (applies pending migrations first; a new database needs"
            + " `migrate` once).")
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Option(
      names = "--exit-when-ready",
      hidden = true,
      description =
          "Start on a free loopback port without background jobs, answer one /ready, stop: the"
              + " run that records the classes a start loads (-XX:ArchiveClassesAtExit, see"
              + " docs/deployment.md).")
  boolean exitWhenReady;

  @Override
  public Integer call() throws Exception {
    var c = config.load();
    // never start on a new, empty database where one is configured: that hides a lost file
    Database.requireExisting(c.databaseUrl(), c.databaseUser(), c.databasePassword());
    if (exitWhenReady) {
      try (var app = new CompanionApp(c.trialStart(), Clock.systemUTC()).start();
          var ready =
              URI.create("http://127.0.0.1:" + app.port() + "/ready").toURL().openStream()) {
        ready.readAllBytes();
      }
      return 0;
    }
    var app = new CompanionApp(c, Clock.systemUTC()).start();
    System.out.println("QC Companion listening on " + app.config().publicUrl());
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }
}
