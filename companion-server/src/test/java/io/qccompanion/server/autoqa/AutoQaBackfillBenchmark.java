package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.conversations.Conversations;
import io.qccompanion.server.store.Database;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measured (not extrapolated) AutoQA backfill: {@code bench.autoqa.backfill} closed tickets
 * (default 100,000) with stored conversations in a SQLite file, scored by the real {@link
 * AutoQaWorker} on every core until nothing is due, every result written to {@code
 * auto_evaluations}. Then raw LanguageTool and the bare engine on a slice of the same texts, for
 * the ratio. Prints tickets/s, the ratio, the extra heap and the load average while it ran.
 * Options: {@code -Dbench.autoqa.backfill=100000 -Dbench.autoqa.slice=2000
 * -Dbench.autoqa.minutes=0} (a cap in minutes; 0 = run to the end).
 */
@Tag("benchmark")
class AutoQaBackfillBenchmark {
  private static final int CHUNK = 5_000;

  @TempDir Path dir;

  @Test
  void scoresAHundredThousandTicketBackfill() throws Exception {
    int n = Integer.getInteger("bench.autoqa.backfill", 100_000);
    int slice = Math.min(n, Integer.getInteger("bench.autoqa.slice", 2_000));
    // Optional cap for a machine too loaded to finish: the backfill stops after this many minutes
    // and the output says how far it got (nothing is extrapolated).
    double capMinutes = Double.parseDouble(System.getProperty("bench.autoqa.minutes", "0"));
    int threads = Runtime.getRuntime().availableProcessors();
    Path file = Files.createDirectories(dir).resolve("backfill.db");
    List<Double> loads = new ArrayList<>();
    try (Database db = Database.open("jdbc:sqlite:" + file, null, null)) {
      db.migrate();
      long t0 = System.nanoTime();
      insertTickets(db, n);
      System.out.printf("%nAutoQA backfill: %,d tickets stored in %.0f s%n", n, secs(t0));
      long baseline = AutoQaBenchmark.usedHeap();
      AutoQa engine = new AutoQa(AutoQaConfig.DEFAULTS);
      AtomicInteger spotlit = new AtomicInteger();
      AutoQaWorker worker =
          new AutoQaWorker(
              db,
              Clock.systemUTC(),
              engine,
              new AutoEvaluations(),
              // the stored conversation, read from `messages` as in production
              new StoredConversations(new Conversations(Clock.systemUTC())),
              TeamRules.DEFAULTS,
              (h, ticket, reasons) -> {
                if (!reasons.isEmpty()) spotlit.incrementAndGet();
              },
              threads);
      long start = System.nanoTime();
      long firstBatchDone = 0;
      int firstBatch = 0;
      int scored = 0;
      int batch;
      long lastReport = start;
      while ((batch = worker.runOnce(200)) > 0) {
        if (firstBatchDone == 0) {
          firstBatchDone = System.nanoTime();
          firstBatch = batch;
        }
        scored += batch;
        if (capMinutes > 0 && secs(start) > capMinutes * 60) break;
        if (System.nanoTime() - lastReport > 300e9 || scored % 10_000 == 0) {
          lastReport = System.nanoTime();
          loads.add(load());
          System.out.printf(
              "  %,7d scored, %.0f s, load average %.1f%n", scored, secs(start), load());
        }
      }
      double wall = secs(start);
      double steady = (System.nanoTime() - firstBatchDone) / 1e9;
      worker.close();
      long heapAfter = AutoQaBenchmark.usedHeap();
      int stored =
          db.read(
              h ->
                  h.createQuery("SELECT COUNT(*) FROM auto_evaluations WHERE status = 'SCORED'")
                      .mapTo(Integer.class)
                      .one());

      List<Conversation> same = new ArrayList<>(slice);
      for (int i = 0; i < slice; i++) same.add(conversation(i));
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        Consumer<Conversation> raw =
            c -> {
              for (ConversationMessage m : c.messages())
                if (m.isAgentReply()) {
                  try {
                    engine.languageTool("en").check(AutoQa.readableText(m));
                  } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                }
            };
        Consumer<Conversation> auto = c -> engine.score(c, TeamRules.DEFAULTS);
        AutoQaBenchmark.run(pool, threads, same.subList(0, Math.min(50, slice)), raw);
        double rawSecs = AutoQaBenchmark.run(pool, threads, same, raw);
        loads.add(load());
        double autoSecs = AutoQaBenchmark.run(pool, threads, same, auto);
        loads.add(load());
        double rate = (scored - firstBatch) / steady;
        double rawRate = slice / rawSecs;
        System.out.printf(
            "AutoQA backfill of %,d tickets (%,d scored%s), %d threads, load average %.1f"
                + " (min %.1f, max %.1f)%n"
                + "  backfill wall time incl. LanguageTool start-up: %.1f min (%.1f tickets/s)%n"
                + "  backfill steady rate after the first batch: %.1f tickets/s%n"
                + "  results stored: %,d; tickets with a spotlight signal: %,d%n"
                + "  raw LanguageTool, same texts (%,d tickets): %.1f tickets/s%n"
                + "  bare engine, same texts: %.1f tickets/s = %.2f x raw%n"
                + "  backfill (engine + store) / raw LanguageTool: %.2f x%n"
                + "  extra heap after the backfill (engine, %d LanguageTool instances, GC'd):"
                + " %.0f MB%n",
            n,
            scored,
            scored < n ? ", stopped at the " + capMinutes + "-minute cap" : "",
            threads,
            loads.stream().mapToDouble(d -> d).average().orElse(load()),
            loads.stream().mapToDouble(d -> d).min().orElse(0),
            loads.stream().mapToDouble(d -> d).max().orElse(0),
            wall / 60,
            scored / wall,
            rate,
            stored,
            spotlit.get(),
            slice,
            rawRate,
            slice / autoSecs,
            rawSecs / autoSecs,
            rate / rawRate,
            threads,
            (heapAfter - baseline) / 1e6);
        assertThat(stored).isEqualTo(scored);
        if (capMinutes <= 0) assertThat(stored).isEqualTo(n);
      } finally {
        pool.shutdown();
      }
    }
  }

  /** The i-th ticket's conversation: the seeded generator of {@link AutoQaBenchmark}. */
  private static Conversation conversation(int i) {
    return AutoQaBenchmark.conversations(1, 1_000_003L * i + 7).get(0);
  }

  private static void insertTickets(Database db, int n) {
    db.write(
        h ->
            h.execute(
                """
                INSERT INTO connections (id, name, host, base_url, auth_kind, secret_enc,
                  closed_statuses, options, start_from, interval_seconds, attribution, status,
                  created_at, updated_at)
                VALUES ('bench', 'bench', 'zendesk', 'http://127.0.0.1', 'API_TOKEN', 'x', '[]',
                  '{}', 0, 300, 'ASSIGNEE_AT_SOLVE', 'ACTIVE', 0, 0)"""));
    for (int from = 0; from < n; from += CHUNK) {
      int lo = from;
      int hi = Math.min(n, from + CHUNK);
      db.write(
          h -> {
            var tickets =
                h.prepareBatch(
                    """
                    INSERT INTO tickets (id, connection_id, host, external_id, subject, status,
                      updated_at, solved_at, reopen_count, handle_time_seconds,
                      first_reply_minutes, csat_rating, payload, ingested_at)
                    VALUES (:id, 'bench', 'zendesk', :id, 'Support request', 'closed', 1, 1,
                      :reopens, :handle, :firstReply, 'UNOFFERED', '{}', 1)""");
            var conversations =
                h.prepareBatch(
                    """
                    INSERT INTO conversations (connection_id, ticket_external_id, stored, omitted,
                      updated_at) VALUES ('bench', :id, :stored, 0, 1)""");
            var messages =
                h.prepareBatch(
                    """
                    INSERT INTO messages (id, connection_id, ticket_external_id, message_key,
                      author_kind, public_message, created_at, body, html, attachments)
                    VALUES (:id || '-' || :key, 'bench', :id, :key, :kind, :public, :at, :body,
                      :html, '[]')""");
            for (int i = lo; i < hi; i++) {
              Conversation c = conversation(i);
              String id = "t%07d".formatted(i);
              tickets
                  .bind("id", id)
                  .bind("reopens", c.metrics().reopens())
                  .bind("handle", seconds(c.metrics().handleTime()))
                  .bind(
                      "firstReply",
                      c.metrics().firstReply() == null
                          ? null
                          : c.metrics().firstReply().toMinutes())
                  .add();
              conversations.bind("id", id).bind("stored", c.messages().size()).add();
              for (int k = 0; k < c.messages().size(); k++) {
                ConversationMessage m = c.messages().get(k);
                messages
                    .bind("id", id)
                    .bind("key", "%03d".formatted(k))
                    .bind("kind", m.author().name())
                    .bind("public", m.publicMessage() ? 1 : 0)
                    .bind("at", m.createdAt().toEpochMilli())
                    .bind("body", m.text() == null ? "" : m.text())
                    .bind("html", m.html())
                    .add();
              }
            }
            tickets.execute();
            conversations.execute();
            messages.execute();
            return null;
          });
    }
  }

  private static Long seconds(java.time.Duration d) {
    return d == null ? null : d.toSeconds();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
