package io.qccompanion.server.summaries;

import io.javalin.config.RoutesConfig;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.store.Database;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/**
 * The summaries feature: quality, production and ticket summaries against KPI targets, the
 * per-agent weekly aggregates behind them, targets with their history, production exceptions, the
 * agent's own home figures, and their routes. The one door into the package besides the values the
 * export command shares.
 */
public final class SummariesFeature {
  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  private final KpiTargets targets;
  private final QualityAggregates aggregates;
  private final TicketKpis ticketKpis;
  private final SummaryService service;

  public SummariesFeature(Database db, Clock clock, AuditLog audit) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
    this.targets = new KpiTargets(clock);
    this.aggregates = new QualityAggregates(db);
    this.ticketKpis = new TicketKpis(db);
    this.service = new SummaryService(db, aggregates, ticketKpis, targets);
  }

  /** Counts a written evaluation in the aggregates, inside the writer's transaction. */
  public void apply(Handle h, String evaluationId) {
    aggregates.apply(h, evaluationId);
  }

  /** Takes a deleted evaluation out of the aggregates, inside the writer's transaction. */
  public void retract(Handle h, String evaluationId) {
    aggregates.retract(h, evaluationId);
  }

  /** Folds pending ticket and evaluation changes into the ticket roll-up (a background job). */
  public void foldTicketKpis() {
    ticketKpis.catchUp();
  }

  TicketKpis ticketKpis() {
    return ticketKpis;
  }

  QualityAggregates aggregates() {
    return aggregates;
  }

  public SummaryService service() {
    return service;
  }

  public void register(RoutesConfig r) {
    new SummaryRoutes(db, service, clock).register(r);
    new TargetRoutes(db, targets, audit, clock).register(r);
    new ProductionRoutes(db, targets, audit, clock).register(r);
    new AgentHomeRoutes(db, targets, clock).register(r);
  }
}
