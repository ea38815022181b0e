package io.qccompanion.server.autoqa;

import io.javalin.config.RoutesConfig;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.conversations.Conversations;
import io.qccompanion.server.evaluations.EvaluationListener;
import io.qccompanion.server.scorecards.Scorecards;
import io.qccompanion.server.store.Database;
import java.time.Clock;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The AutoQA feature in the server: the engine, the store of automatic evaluations, the worker that
 * keeps every closed ticket scored (reading the stored {@code messages}), criterion bindings with
 * their agreement gates, the panel's suggestions and the record of graders' overrides, and the
 * routes, and each team's rules (SLA targets, dictionary, process rules; the SOP defaults for a
 * team without its own).
 */
public final class AutoQaFeature {
  private final AutoQa engine;
  private final AutoEvaluations store = new AutoEvaluations();
  private final AutoQaWorker worker;
  private final AutoQaRoutes routes;
  private final TeamRulesRoutes teamRules;
  private final SuggestionOutcomes outcomes;

  /**
   * @param holdoutPercent share of regular evaluations graded without pre-filled suggestions, so
   *     the agreement gate has independent grades (0 to 100)
   */
  public AutoQaFeature(
      Database db,
      Clock clock,
      AuditLog audit,
      Scorecards scorecards,
      SpotlightSignals.Sink spotlight,
      int holdoutPercent) {
    Holdout holdout = new Holdout(holdoutPercent);
    this.engine = new AutoQa(AutoQaConfig.DEFAULTS);
    TeamRuleStore ruleStore = new TeamRuleStore();
    Function<Handle, RuleBook> rules = h -> RuleBook.load(h, ruleStore, engine, TeamRules.DEFAULTS);
    ConversationSource conversations = new StoredConversations(new Conversations(clock));
    this.worker =
        new AutoQaWorker(
            db,
            clock,
            engine,
            store,
            conversations,
            rules,
            spotlight,
            Runtime.getRuntime().availableProcessors());
    var bindings = new CriterionBindings(scorecards, audit, clock);
    var suggestions = new Suggestions(store, bindings);
    this.outcomes = new SuggestionOutcomes(suggestions, holdout);
    this.routes =
        new AutoQaRoutes(
            db, rules, store, bindings, AgreementGate.defaults(), suggestions, outcomes, holdout);
    this.teamRules = new TeamRulesRoutes(db, ruleStore, engine, audit, clock);
  }

  /**
   * Records accepted, overridden and held-out suggestions of a submitted revision; an {@code
   * EvaluationListener} to hand to the evaluations service.
   */
  public EvaluationListener outcomes() {
    return outcomes::record;
  }

  /**
   * A message's text as the checks read it (and as evidence spans count characters), so the panel
   * can highlight an evidence span in the same text.
   */
  public static String readableText(String text, String html) {
    return AutoQa.readableText(text, html);
  }

  /** Scores up to {@code limit} tickets that need it now, on the caller's thread; how many. */
  public int scoreNow(int limit) {
    return worker.runOnce(limit);
  }

  /** The batch worker. */
  AutoQaWorker worker() {
    return worker;
  }

  /** Starts scoring {@code batch} tickets every {@code intervalSeconds}; close it to stop. */
  public AutoCloseable startWorker(int batch, int intervalSeconds) {
    worker.start(batch, intervalSeconds);
    return worker;
  }

  public void register(RoutesConfig r) {
    routes.register(r);
    teamRules.register(r);
  }
}
