package io.qccompanion.server.cli;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.store.Database;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "serve",
    description =
        "Run the companion server (applies pending migrations first; a new database needs"
            + " `migrate` once).")
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Override
  public Integer call() throws InterruptedException {
    var c = config.load();
    // never start on a new, empty database where one is configured: that hides a lost file
    Database.requireExisting(c.databaseUrl(), c.databaseUser(), c.databasePassword());
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
