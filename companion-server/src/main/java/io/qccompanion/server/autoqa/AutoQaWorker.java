package io.qccompanion.server.autoqa;

import io.qccompanion.server.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores closed tickets in batches on its own thread, off the request path. All progress lives in
 * {@code auto_evaluations} (one transaction per ticket), so a crash loses at most the ticket being
 * scored and the next run resumes from the database; a changed ticket or rule set is scored again.
 * Spotlight signals of each result go to sampling in the same transaction.
 */
final class AutoQaWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AutoQaWorker.class);

  private final Database db;
  private final Clock clock;
  private final AutoQa engine;
  private final AutoEvaluations store;
  private final ConversationSource conversations;
  private final TeamRules rules;
  private final SpotlightSignals.Sink spotlight;
  private ScheduledExecutorService executor;

  public AutoQaWorker(
      Database db,
      Clock clock,
      AutoQa engine,
      AutoEvaluations store,
      ConversationSource conversations,
      TeamRules rules,
      SpotlightSignals.Sink spotlight) {
    this.db = db;
    this.clock = clock;
    this.engine = engine;
    this.store = store;
    this.conversations = conversations;
    this.rules = rules;
    this.spotlight = spotlight;
  }

  /** Scores up to {@code limit} due tickets; returns how many it stored. */
  public int runOnce(int limit) {
    String version = engine.ruleSetVersion(rules);
    List<AutoEvaluations.Due> due = db.read(h -> store.due(h, version, limit));
    for (AutoEvaluations.Due ticket : due) {
      Optional<Conversation> conversation = db.read(h -> conversations.read(h, ticket.ticketId()));
      AutoQaResult result = conversation.map(c -> engine.score(c, rules)).orElse(null);
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
  }
}
