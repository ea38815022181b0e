package io.qccompanion.server.cli;

import io.qccompanion.server.CompanionApp;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", description = "Run the companion server (migrates the database first).")
final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOptions config;

  @Override
  public Integer call() throws InterruptedException {
    var app = new CompanionApp(config.load(), Clock.systemUTC()).start();
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
