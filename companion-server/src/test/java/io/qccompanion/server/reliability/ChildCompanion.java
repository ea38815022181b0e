package io.qccompanion.server.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real companion server in a child JVM: {@code java -cp <test class path>
 * io.qccompanion.server.cli.Main serve}, configured through the environment like a deployment (a
 * database URL, a secret key, a port on 127.0.0.1), with its schedulers and write-back worker
 * running. {@link #kill()} is a real {@code kill -9}: no shutdown hook, no finally block, no
 * rollback but the database's own.
 */
final class ChildCompanion implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String name;
  private final Process process;
  private final int port;
  private final Path log;

  private ChildCompanion(String name, Process process, int port, Path log) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The reliability suite's JVM: small heap, quick start. */
  static final List<String> TEST_JVM =
      List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** Starts {@code serve} on a free port of 127.0.0.1 and waits until {@code /ready} says so. */
  static ChildCompanion start(String name, String databaseUrl, String secretKey, Path dir) {
    return start(name, databaseUrl, secretKey, dir, TEST_JVM);
  }

  /** Like {@link #start(String, String, String, Path)} with these JVM options. */
  static ChildCompanion start(
      String name, String databaseUrl, String secretKey, Path dir, List<String> jvmOptions) {
    try {
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      Path log = dir.resolve(name + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", classPath(), "io.qccompanion.server.cli.Main", "serve"));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().clear();
      builder
          .environment()
          .putAll(
              Map.of(
                  "QC_DB_URL",
                  databaseUrl,
                  "QC_SECRET_KEY",
                  secretKey,
                  "QC_HOST",
                  "127.0.0.1",
                  "QC_PORT",
                  Integer.toString(port),
                  "QC_PUBLIC_URL",
                  "http://127.0.0.1:" + port,
                  "PATH",
                  System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
      builder
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      var child = new ChildCompanion(name, builder.start(), port, log);
      // A test JVM that stops (or is stopped) takes its children along.
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> child.process.destroyForcibly(), name + "-reaper"));
      child.awaitReady(Duration.ofSeconds(120));
      return child;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the companion child JVM " + name, e);
    }
  }

  /** The test class path: surefire's (its booter jar only points to it) or this JVM's. */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }

  private void awaitReady(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive())
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + ": " + tail());
      try {
        var answer =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("READY")) return;
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      sleep(Duration.ofMillis(200));
    }
    kill();
    throw new IllegalStateException(name + " not ready within " + limit + ": " + tail());
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL (destroyForcibly on Unix), then waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
        throw new IllegalStateException(name + " survived kill -9");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines of the child's output, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) kill();
  }
}
