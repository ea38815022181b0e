package io.qccompanion.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.bench.BenchTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory while ingesting (issue 17 item 4: ≤ 300 MB): a companion server in a child JVM with the
 * heap flags of docs/deployment.md, every background job running as in production, syncs {@code
 * -Dbench.ingest.tickets} (default 1,000,000) closed tickets with their conversations from the
 * simulated Zendesk over loopback into a new SQLite file. The child's RSS is read from {@code
 * /proc} every second; the table gets the peak, the kernel's high-water mark, RSS at 10 %, 50 % and
 * 100 % of the tickets (growth with the ticket count shows there) and tickets per second, next to
 * the child's RSS at {@code /ready} before the sync started. {@code -Dbench.ingest.minutes}
 * (default 240) bounds the run.
 */
@Tag("benchmark")
class IngestRssBenchmark {
  static final int TICKETS = Integer.getInteger("bench.ingest.tickets", 1_000_000);
  static final int MINUTES = Integer.getInteger("bench.ingest.minutes", 240);

  /**
   * The production heap flags (docs/deployment.md, the systemd unit), or {@code
   * -Dbench.ingest.jvm="-Xmx200m -XX:+UseSerialGC"} to try others.
   */
  static final List<String> PRODUCTION_JVM =
      List.of(System.getProperty("bench.ingest.jvm", "-Xms128m -Xmx512m").trim().split("\\s+"));

  @Test
  void rssStaysFlatWhileIngestingTicketsWithConversations(@TempDir Path dir) throws Exception {
    try (var world = HostWorld.create(dir, "jdbc:sqlite:" + dir.resolve("qc.db"), TICKETS, 100)) {
      long expected = world.expectedZendesk();
      long warm = System.nanoTime();
      prepareConversations(world);
      System.out.printf(
          Locale.ROOT,
          "[benchmark] ingest: simulator holds %,d closed tickets; conversations built in %.0f s%n",
          expected,
          (System.nanoTime() - warm) / 1e9);
      var child = world.child("ingest", PRODUCTION_JVM);
      long ready = rssMb(child.pid(), "VmRSS");
      long started = System.nanoTime();
      long deadline = started + Duration.ofMinutes(MINUTES).toNanos();
      long peak = ready;
      long[] at = new long[3]; // RSS at 10 %, 50 %, 100 %
      double[] shares = {0.1, 0.5, 1.0};
      long stored = 0;
      long firstStoredAt = 0;
      long lastPrint = 0;
      long lastProgress = System.nanoTime();
      while (stored < expected && System.nanoTime() < deadline) {
        if (!child.alive()) throw new AssertionError("the child exited: " + child.tail());
        ChildCompanion.sleep(Duration.ofSeconds(1));
        long rss = rssMb(child.pid(), "VmRSS");
        peak = Math.max(peak, rss);
        long now = world.stored(world.zendeskConnection);
        if (now > stored) lastProgress = System.nanoTime();
        else if (System.nanoTime() - lastProgress > STALL.toNanos()) break;
        stored = now;
        if (stored > 0 && firstStoredAt == 0) firstStoredAt = System.nanoTime();
        for (int i = 0; i < shares.length; i++)
          if (at[i] == 0 && stored >= shares[i] * expected) at[i] = rss;
        if (System.nanoTime() - lastPrint > 30_000_000_000L) {
          lastPrint = System.nanoTime();
          System.out.printf(
              Locale.ROOT,
              "[benchmark] ingest: %,d / %,d tickets, RSS %d MB (peak %d), load %s%n",
              stored,
              expected,
              rss,
              peak,
              BenchTable.load());
        }
      }
      long hwm = rssMb(child.pid(), "VmHWM");
      double seconds = (System.nanoTime() - Math.max(firstStoredAt, started)) / 1e9;
      long messages =
          world.db.read(
              h ->
                  h.createQuery("SELECT count(*) FROM messages WHERE connection_id = ?")
                      .bind(0, world.zendeskConnection)
                      .mapTo(Long.class)
                      .one());
      String what = String.format(Locale.ROOT, "%,d closed Zendesk tickets", expected);
      BenchTable.row(
          "ingest RSS, " + what + " (" + String.format(Locale.ROOT, "%,d", messages) + " messages)",
          String.format(
              Locale.ROOT,
              "peak %d MB (VmHWM %d MB) · at 10 %% %d · 50 %% %d · 100 %% %d MB",
              peak,
              hwm,
              at[0],
              at[1],
              at[2]),
          "child RSS at /ready " + ready + " MB",
          "goal ≤ 300 MB, " + String.join(" ", PRODUCTION_JVM));
      BenchTable.row(
          "ingest throughput, " + what,
          String.format(Locale.ROOT, "%,.0f tickets/s (%,.0f s)", stored / seconds, seconds),
          "",
          "incl. the scheduler's pauses between 50-page runs");
      assertThat(stored)
          .as("every closed ticket stored within the time limit")
          .isGreaterThanOrEqualTo(expected);
    }
  }

  /** No ticket stored for this long ends the run (the assertion then says how far it got). */
  static final Duration STALL = Duration.ofMinutes(5);

  /**
   * The simulator builds every ticket's conversation on the first ticket event export; at 1M
   * tickets that takes longer than the connection's read timeout, so it is asked once up front.
   */
  private static void prepareConversations(HostWorld world) throws Exception {
    long since = java.time.Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    world.zendesk.baseUrl()
                        + "/api/v2/incremental/ticket_events?include=comment_events&start_time="
                        + since))
            .header("Authorization", "Bearer " + world.zendesk.options().apiToken())
            .timeout(Duration.ofMinutes(60))
            .build();
    var answer =
        java.net.http.HttpClient.newHttpClient()
            .send(request, java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(answer.statusCode()).as("ticket event export").isEqualTo(200);
  }

  /** A {@code /proc/PID/status} memory line (VmRSS, VmHWM) in MB. */
  static long rssMb(long pid, String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
      if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
    return -1;
  }
}
