package io.qccompanion.server.autoqa;

import static org.assertj.core.api.Assertions.assertThat;

import io.qccompanion.server.autoqa.ConversationMessage.Author;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * AutoQA tickets per second on all cores against raw LanguageTool on the same agent texts, the heap
 * English costs, and the extrapolated time of a 100,000-ticket backfill. Options: {@code
 * -Dbench.autoqa.tickets=1000}.
 */
@Tag("benchmark")
class AutoQaBenchmark {
  static final String[] OPENINGS = {
    "Hi Maria,", "Hello James,", "Dear Mr Okafor,", "Good morning Lena,", "", "hey,"
  };
  static final String[] BODIES = {
    "Thank you for reaching out about your invoice.",
    "I understand how frustrating it is when a delivery is late.",
    "I have checked your account and the refund was sent yesterday.",
    "I have checked you're account and the refund was send yesterday.",
    "The parcel left our warehouse on Monday and should arrive within three working days.",
    "Please clear your browser cache and sign in again.",
    "their is a known issue with the export and our engineers are working on it.",
    "You can change the billing address under Settings, then Billing.",
    "I reset the password and sent a new link to the address on file.",
    "Sorry about the delay, we had a high volume of requests this week.",
    "The discount code only applies to annual plans, so it was not accepted on the monthly plan.",
    "i will escalate this to our billing team and get back to you tomorow.",
    "Could you send me a screenshot of the error message?",
    "We have credited 15 euros to your account as an apology.",
    "The app needs version 5.2 or newer, which is available in the store now.",
  };
  static final String[] CLOSINGS = {
    "Let me know if there is anything else I can help with.\n\nBest regards,\nJonas",
    "Have a great day!",
    "Kind regards,\nPriya",
    "",
    "thx",
  };
  static final String[] CUSTOMER = {
    "Hello, my parcel has not arrived and I am really annoyed.",
    "Hi, how do I change my billing address?",
    "This is unacceptable, I was charged twice. I want a refund or I will cancel.",
    "The export is broken again, please fix it.",
    "Thanks, that worked!",
    "Still not working. This is useless.",
  };

  static List<Conversation> conversations(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Conversation> out = new ArrayList<>(n);
    for (int t = 0; t < n; t++) {
      Instant at = Instant.parse("2026-11-02T09:00:00Z").plusSeconds(3600L * t);
      List<ConversationMessage> messages = new ArrayList<>();
      int rounds = 1 + r.nextInt(3);
      for (int k = 0; k < rounds; k++) {
        messages.add(
            ConversationMessage.of(Author.CUSTOMER, at, CUSTOMER[r.nextInt(CUSTOMER.length)]));
        at = at.plusSeconds(60L * (5 + r.nextInt(600)));
        StringBuilder reply =
            new StringBuilder(OPENINGS[r.nextInt(OPENINGS.length)]).append("\n\n");
        int sentences = 2 + r.nextInt(4);
        for (int s = 0; s < sentences; s++)
          reply.append(BODIES[r.nextInt(BODIES.length)]).append(' ');
        reply.append("\n\n").append(CLOSINGS[r.nextInt(CLOSINGS.length)]);
        messages.add(ConversationMessage.of(Author.AGENT, at, reply.toString().strip()));
        if (r.nextInt(4) == 0)
          messages.add(ConversationMessage.internalNote(at, "Identity verified."));
        at = at.plusSeconds(60L * r.nextInt(120));
      }
      out.add(
          new Conversation(
              messages,
              new TicketMetrics(r.nextInt(2), Duration.ofMinutes(3 + r.nextInt(10)), null),
              List.of("Maria", "Jonas")));
    }
    return out;
  }

  static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  static double run(
      ExecutorService pool, int threads, List<Conversation> items, Consumer<Conversation> work)
      throws Exception {
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int worker = w;
      futures.add(
          pool.submit(
              () -> {
                for (int i = worker; i < items.size(); i += threads) work.accept(items.get(i));
              }));
    }
    for (Future<?> f : futures) f.get();
    return (System.nanoTime() - start) / 1e9;
  }

  @Test
  void autoQaThroughputHeapAndBackfill() throws Exception {
    int threads = Runtime.getRuntime().availableProcessors();
    int n = Integer.getInteger("bench.autoqa.tickets", 1000);
    List<Conversation> items = conversations(n, 15);
    List<Conversation> warm = conversations(100, 99);
    long before = usedHeap();
    long t0 = System.nanoTime();
    AutoQa engine = new AutoQa(AutoQaConfig.DEFAULTS);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      run(pool, threads, warm.subList(0, threads), c -> engine.score(c, TeamRules.DEFAULTS));
      double startup = (System.nanoTime() - t0) / 1e9;
      long heap = usedHeap() - before;
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
      run(pool, threads, warm, raw);
      run(pool, threads, warm, auto);
      double rawBest = Double.MAX_VALUE;
      double autoBest = Double.MAX_VALUE;
      for (int round = 0; round < 2; round++) {
        rawBest = Math.min(rawBest, run(pool, threads, items, raw));
        autoBest = Math.min(autoBest, run(pool, threads, items, auto));
      }
      double rawRate = n / rawBest;
      double autoRate = n / autoBest;
      long messages =
          items.stream()
              .mapToLong(
                  c -> c.messages().stream().filter(ConversationMessage::isAgentReply).count())
              .sum();
      System.out.printf(
          "%nAutoQA benchmark: %d tickets (%d agent replies), %d threads, load average %.1f%n"
              + "  start-up incl. LanguageTool per thread: %.1f s%n"
              + "  extra heap with English loaded (%d LanguageTool instances): %.0f MB%n"
              + "  raw LanguageTool: %.1f tickets/s (%.1f s)%n"
              + "  AutoQA, all checks: %.1f tickets/s (%.1f s) = %.2f x raw%n"
              + "  100,000-ticket backfill (extrapolated from %d): %.1f min%n",
          n,
          messages,
          threads,
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          startup,
          threads,
          heap / 1e6,
          rawRate,
          rawBest,
          autoRate,
          autoBest,
          autoRate / rawRate,
          n,
          100_000 / autoRate / 60);
      assertThat(autoRate).isPositive();
    } finally {
      pool.shutdown();
    }
  }
}
