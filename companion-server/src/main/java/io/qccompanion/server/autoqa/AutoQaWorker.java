package io.qccompanion.server.autoqa;

import io.qccompanion.server.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores closed tickets in batches on its own thread, off the request path. All progress lives in
 * {@code auto_evaluations} (one transaction per ticket), so a crash loses at most the ticket being
 * scored and the next run resumes from the database; a changed ticket or rule set is scored again.
 * Each ticket is scored with its team's rules ({@link RuleBook}, read once per batch), so a team
 * whose rules change is scored again. Spotlight signals of each result go to sampling in the same
 * transaction. A batch is scored on {@code threads} threads (LanguageTool is the cost and runs one
 * instance per thread); results are written one by one in ticket order.
 */
final class AutoQaWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AutoQaWorker.class);

  private final Database db;
  private final Clock clock;
  private final AutoQa engine;
  private final AutoEvaluations store;
  private final ConversationSource conversations;
  private final Function<Handle, RuleBook> rules;
  private final SpotlightSignals.Sink spotlight;
  private final int threads;
  private final ExecutorService scorers;
  private ScheduledExecutorService executor;

  /** Scores every ticket with the same {@code rules} (benchmarks, tests). */
  public AutoQaWorker(
      Database db,
      Clock clock,
      AutoQa engine,
      AutoEvaluations store,
      ConversationSource conversations,
      TeamRules rules,
      SpotlightSignals.Sink spotlight,
      int threads) {
    this(
        db,
        clock,
        engine,
        store,
        conversations,
        h -> RuleBook.fixed(engine, rules),
        spotlight,
        threads);
  }

  /** Scores each ticket with the rules {@code rules} reads for its team at the start of a batch. */
  public AutoQaWorker(
      Database db,
      Clock clock,
      AutoQa engine,
      AutoEvaluations store,
      ConversationSource conversations,
      Function<Handle, RuleBook> rules,
      SpotlightSignals.Sink spotlight,
      int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads < 1");
    this.db = db;
    this.clock = clock;
    this.engine = engine;
    this.store = store;
    this.conversations = conversations;
    this.rules = rules;
    this.spotlight = spotlight;
    this.threads = threads;
    this.scorers =
        threads == 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                r -> {
                  Thread t = new Thread(r, "autoqa-scorer");
                  t.setDaemon(true);
                  return t;
                });
  }

  /** Scores up to {@code limit} due tickets; returns how many it stored. */
  public int runOnce(int limit) {
    RuleBook book = db.read(rules::apply);
    List<AutoEvaluations.Due> due = db.read(h -> store.due(h, book, limit));
    List<CompletableFuture<AutoQaResult>> results = new ArrayList<>(due.size());
    for (AutoEvaluations.Due ticket : due) {
      Optional<Conversation> conversation = db.read(h -> conversations.read(h, ticket.ticketId()));
      TeamRules team = book.rules(ticket.teamId());
      results.add(
          conversation.isEmpty()
              ? CompletableFuture.completedFuture(null)
              : threads == 1
                  ? CompletableFuture.completedFuture(engine.score(conversation.get(), team))
                  : CompletableFuture.supplyAsync(
                      () -> engine.score(conversation.get(), team), scorers));
    }
    for (int i = 0; i < due.size(); i++) {
      AutoEvaluations.Due ticket = due.get(i);
      AutoQaResult result = results.get(i).join();
      String version = book.version(ticket.teamId());
      db.write(
          h -> {
            store.save(h, ticket, version, result, clock.instant());
            if (result != null) spotlight.raise(h, ticket.ticketId(), SpotlightSignals.of(result));
            return null;
          });
    }
    return due.size();
  }

  /** Runs batches of {@code batch} every {@code intervalSeconds} until {@link #close}. */
  public void start(int batch, int intervalSeconds) {
    executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "autoqa-worker"));
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            while (runOnce(batch) == batch) {
              if (Thread.currentThread().isInterrupted()) return;
            }
          } catch (RuntimeException e) {
            LOG.error("AutoQA batch failed; retrying in {} s", intervalSeconds, e);
          }
        },
        1,
        intervalSeconds,
        TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (executor != null) executor.shutdownNow();
    if (scorers != null) scorers.shutdownNow();
  }
}
