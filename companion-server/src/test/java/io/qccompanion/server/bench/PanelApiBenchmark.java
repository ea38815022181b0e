package io.qccompanion.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.CompanionApp;
import io.qccompanion.server.config.CompanionConfig;
import io.qccompanion.server.demo.Demo;
import io.qccompanion.server.demo.DemoClock;
import io.qccompanion.server.demo.DemoHosts;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The panel API at 200 keep-alive connections on loopback against {@code GET /health} on the same
 * server in the same run, then start-up to {@code /ready} and idle RSS of a fresh {@code serve} JVM
 * against a bare JVM start. Prints one table (docs/performance.md keeps the figures). Options:
 * {@code -Dbench.connections=200 -Dbench.seconds=10 -Dbench.demoDb=FILE} (keep and reuse the demo).
 */
@Tag("benchmark")
class PanelApiBenchmark {
  static final int CONNECTIONS = Integer.getInteger("bench.connections", 200);
  static final double SECONDS = Double.parseDouble(System.getProperty("bench.seconds", "10"));
  // -Dbench.submitOnly=true: /health and the submit row only (no reads, no start-up JVMs)
  static final boolean SUBMIT_ONLY = Boolean.getBoolean("bench.submitOnly");
  // -Dbench.startUpOnly=true: only the start-up JVMs
  static final boolean START_UP_ONLY = Boolean.getBoolean("bench.startUpOnly");

  @Test
  void panelRoutesAgainstHealthAndStartUpAgainstBareJvm() throws Exception {
    Path dir = Files.createTempDirectory("qc-bench-panel");
    if (START_UP_ONLY) {
      startUp(dir);
      return;
    }
    var clock = new DemoClock();
    // -Dbench.demoDb=FILE: keep the demo database there and reuse it (the demo takes minutes)
    String keep = System.getProperty("bench.demoDb");
    boolean reuse = keep != null && Files.exists(Path.of(keep));
    if (reuse) Files.copy(Path.of(keep), dir.resolve("qc.db"));
    try (var hosts = new DemoHosts(42, clock.instant().truncatedTo(ChronoUnit.SECONDS))) {
      var app = new CompanionApp(config(dir, 0), clock);
      if (!reuse) new Demo(app, hosts, clock, System.out).setUp();
      if (!reuse && keep != null)
        app.db().read(h -> h.execute("VACUUM INTO '" + keep.replace("'", "''") + "'"));
      app.start();
      try {
        panel(app);
      } finally {
        app.close();
      }
    }
    if (!SUBMIT_ONLY) startUp(dir);
  }

  private void panel(CompanionApp app) throws Exception {
    var db = app.db();
    String evaluation =
        db.read(
            h ->
                h.createQuery(
                        "SELECT id FROM evaluations WHERE status = 'SUBMITTED' AND kind = 'REGULAR'"
                            + " ORDER BY id LIMIT 1")
                    .mapTo(String.class)
                    .one());
    String draft = evaluation;
    String version =
        db.read(
            h ->
                h.createQuery("SELECT scorecard_version_id FROM evaluations WHERE id = :id")
                    .bind("id", draft)
                    .mapTo(String.class)
                    .one());
    String qcId =
        db.read(
            h ->
                h.createQuery("SELECT qc_id FROM evaluations WHERE id = :id")
                    .bind("id", draft)
                    .mapTo(String.class)
                    .one());
    String token = db.write(h -> app.tokens().create(h, qcId, "bench").token());
    var load = new LoadGenerator(app.port(), CONNECTIONS);
    byte[] health = LoadGenerator.get("/health", null);
    load.run(Math.min(3, SECONDS), i -> health); // warm-up
    var baseline = load.run(SECONDS, i -> health);
    if (!SUBMIT_ONLY) {
      route(
          "GET /api/v1/evaluations/{id}",
          load,
          baseline,
          "/api/v1/evaluations/" + evaluation,
          token);
      route(
          "GET /api/v1/scorecard-versions/{id}",
          load,
          baseline,
          "/api/v1/scorecard-versions/" + version,
          token);
      route("GET /api/v1/queue?limit=100", load, baseline, "/api/v1/queue?limit=100", token);
    }

    // Submit: every request submits its own draft, a copy of a real grade (a draft submits once).
    int copies = (int) Math.max(2_000, baseline.perSecond() * SECONDS);
    db.run(
        h -> {
          var insert =
              h.prepareBatch(
                  """
                  INSERT INTO evaluations (id, ticket_id, agent_id, team_id, scorecard_version_id,
                    qc_id, kind, status, revision, score, passed, critical_fail, answers,
                    overall_comment, coaching_note, created_at, updated_at, submitted_at)
                  SELECT :copy, ticket_id, agent_id, team_id, scorecard_version_id, qc_id, kind,
                    'DRAFT', 1, NULL, NULL, 0, answers, overall_comment, coaching_note,
                    created_at, updated_at, NULL
                  FROM evaluations WHERE id = :id""");
          for (int i = 0; i < copies; i++)
            insert.bind("copy", "bench-" + i).bind("id", draft).add();
          insert.execute();
        });
    var next = new AtomicInteger();
    var submit =
        load.run(
            SECONDS,
            i -> {
              int n = next.getAndIncrement();
              return LoadGenerator.withBody(
                  "POST", "/api/v1/evaluations/bench-" + (n % copies) + "/submit", token, "{}");
            });
    assertThat(next.get()).as("more submits than drafts: raise copies").isLessThan(copies);
    row("POST /api/v1/evaluations/{id}/submit", submit, baseline);
    BenchTable.row(
        "benchmark JVM RSS after the load (server, generator, demo hosts)",
        rssMb(ProcessHandle.current().pid()) + " MB",
        "",
        "goal < 400 MB for the server");
  }

  private void route(
      String name, LoadGenerator load, LoadGenerator.Result baseline, String path, String token)
      throws InterruptedException {
    byte[] request = LoadGenerator.get(path, token);
    load.run(Math.min(3, SECONDS), i -> request);
    row(name, load.run(SECONDS, i -> request), baseline);
  }

  private void row(String name, LoadGenerator.Result r, LoadGenerator.Result base) {
    BenchTable.row(
        name + ": req/s · p50 · p99 (errors)",
        String.format(
            Locale.ROOT,
            "%,.0f · %.1f ms · %.1f ms (%d)",
            r.perSecond(),
            r.p50Ms(),
            r.p99Ms(),
            r.errors()),
        String.format(
            Locale.ROOT,
            "/health %,.0f · %.1f ms · %.1f ms",
            base.perSecond(),
            base.p50Ms(),
            base.p99Ms()),
        String.format(
            Locale.ROOT, "%.2f× (goal ≥ 0.3×, p99 ≤ 20 ms)", r.perSecond() / base.perSecond()));
  }

  /**
   * A fresh JVM running {@code serve} to /ready on a migrated SQLite file (as after {@code
   * migrate}: {@code serve} refuses a missing database), then idle RSS: the shaded jar with its
   * class archive as demo.sh and the systemd unit run it (when {@code mvn package} has built them),
   * and the test class path without one; against {@code --version} on the class path.
   */
  private void startUp(Path dir) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> classPath =
        List.of(
            java, "-cp", System.getProperty("java.class.path"), "io.qccompanion.server.cli.Main");
    // the archive names the jar by the path it was made with, relative to the repository
    Path root = Path.of("").toAbsolutePath().getParent();
    String jar = "companion-server/target/qc-companion.jar";
    String archive = "companion-server/target/qc-companion.jsa";
    List<Double> bare = new ArrayList<>();
    for (int run = 0; run < 3; run++) {
      long t0 = System.nanoTime();
      command(classPath, root, "--version").start().waitFor();
      bare.add((System.nanoTime() - t0) / 1e6);
    }
    double bareMs = median(bare);
    if (Files.exists(root.resolve(archive)))
      startUp(
          "shaded jar + class archive",
          List.of(java, "-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-jar", jar),
          root,
          dir,
          bareMs);
    else BenchTable.row("start to /ready, shaded jar", "not built: run mvn package", "", "");
    startUp("test class path, no archive", classPath, root, dir, bareMs);
  }

  private void startUp(String how, List<String> launcher, Path root, Path dir, double bareMs)
      throws Exception {
    List<Double> serve = new ArrayList<>();
    long rss = 0;
    for (int run = 0; run < 3; run++) {
      int port = freePort();
      Path db = dir.resolve("start-" + run + ".db");
      Files.deleteIfExists(db);
      if (command(launcher, root, "migrate", port, db).start().waitFor() != 0)
        throw new IllegalStateException("migrate failed");
      long s0 = System.nanoTime();
      Process p = command(launcher, root, "serve", port, db).start();
      try {
        awaitReady(port, p);
        serve.add((System.nanoTime() - s0) / 1e6);
        Thread.sleep(5_000);
        rss = Math.max(rss, rssMb(p.pid()));
      } finally {
        p.destroy();
        p.waitFor();
      }
    }
    double serveMs = median(serve);
    BenchTable.row(
        "start to /ready, " + how + " (median of 3)",
        String.format(Locale.ROOT, "%.0f ms", serveMs),
        String.format(Locale.ROOT, "bare JVM + CLI `--version` %.0f ms", bareMs),
        String.format(Locale.ROOT, "%.1f× (goal ≤ 1,000 ms)", serveMs / bareMs));
    BenchTable.row(
        "idle RSS 5 s after /ready, " + how + " (max of 3)", rss + " MB", "", "goal ≤ 200 MB");
  }

  private static ProcessBuilder command(List<String> launcher, Path root, String... args) {
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .directory(root.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
  }

  private static ProcessBuilder command(
      List<String> launcher, Path root, String subcommand, int port, Path db) {
    var pb = command(launcher, root, subcommand);
    pb.environment().put("QC_HOST", "127.0.0.1");
    pb.environment().put("QC_PORT", Integer.toString(port));
    pb.environment().put("QC_DB_URL", "jdbc:sqlite:" + db);
    pb.environment().put("QC_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    return pb;
  }

  private static double median(List<Double> three) {
    return three.stream().sorted().toList().get(1);
  }

  private static void awaitReady(int port, Process p) throws Exception {
    var client = HttpClient.newHttpClient();
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build();
    long deadline = System.nanoTime() + 180_000_000_000L; // a loaded machine is slow
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) throw new IllegalStateException("serve exited with " + p.exitValue());
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200)
          return;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(5);
    }
    throw new IllegalStateException("serve not ready within 180 s");
  }

  private static long rssMb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
      if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
    return -1;
  }

  private static int freePort() throws IOException {
    try (var s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static CompanionConfig config(Path dir, int port) {
    return CompanionConfig.newBuilder()
        .host("127.0.0.1")
        .port(port)
        .databaseUrl("jdbc:sqlite:" + dir.resolve("qc.db"))
        .secretKey(Base64.getEncoder().encodeToString(new byte[32]))
        .schedulers(false)
        .build();
  }
}
