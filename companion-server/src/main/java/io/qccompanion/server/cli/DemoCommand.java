package io.qccompanion.server.cli;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.server.demo.Demo;
import io.qccompanion.server.demo.DemoHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    description =
        "Run the companion with simulated Zendesk and Jira, generated tickets and grades, on an"
            + " embedded SQLite database; prints the URL and one login per role.")
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Interface to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 exposes"
              + " the demo's well-known logins to the network).")
  String host;

  @Option(
      names = "--data-dir",
      defaultValue = "data/demo",
      description = "Recreated on each start.")
  Path dataDir;

  @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data.")
  long seed;

  @Option(
      names = "--exit",
      description = "Set up, print the logins and exit (for scripts and tests).")
  boolean exit;

  @Override
  public Integer call() throws IOException, InterruptedException {
    recreate(dataDir);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    var config =
        CompanionConfig.newBuilder()
            .host(host)
            .port(port)
            .databaseUrl("jdbc:sqlite:" + dataDir.resolve("qc.db"))
            .secretKey(Base64.getEncoder().encodeToString(key))
            .build();
    var clock = new io.qccompanion.server.demo.DemoClock();
    System.out.println("Starting simulated Zendesk and Jira and generating tickets...");
    var hosts =
        new DemoHosts(seed, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    var app = new CompanionApp(config, clock);
    var logins = new Demo(app, hosts, clock, System.out).setUp();
    app.start();
    System.out.println();
    System.out.println("QC Companion demo is running at " + config.publicUrl());
    System.out.println(hosts.describe());
    System.out.println("Logins (password '" + Demo.PASSWORD + "'):");
    for (var login : logins)
      System.out.printf(
          "  %-8s %-20s %s%n",
          login.role(), login.email(), login.note() == null ? "" : login.note());
    if (exit) {
      app.close();
      hosts.close();
      return 0;
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  hosts.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  private static void recreate(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
    Files.createDirectories(dir);
  }
}
