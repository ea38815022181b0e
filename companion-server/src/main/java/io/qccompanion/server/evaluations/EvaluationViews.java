package io.qccompanion.server.evaluations;

import io.qccompanion.server.outbox.Outbox;
import io.qccompanion.server.scorecards.ScorecardVersion;
import io.qccompanion.server.scoring.ScoringEngine;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Builds {@link EvaluationView}s: ticket facts, names and, for single reads, the details. */
final class EvaluationViews {
  private final EvaluationService service;
  private final ScoringEngine engine;
  private final Outbox outbox;
  private final Duration editWindow;

  EvaluationViews(
      EvaluationService service, ScoringEngine engine, Outbox outbox, Duration editWindow) {
    this.service = service;
    this.engine = engine;
    this.outbox = outbox;
    this.editWindow = editWindow;
  }

  /** Everything about one evaluation. */
  EvaluationView detailed(Handle h, Evaluation e) {
    return view(h, e, true, new HashMap<>());
  }

  /** List items: without per-criterion results, revisions and write-back status. */
  List<EvaluationView> summaries(Handle h, List<Evaluation> items) {
    Map<String, ScorecardVersion> versions = new HashMap<>();
    return items.stream().map(e -> view(h, e, false, versions)).toList();
  }

  private EvaluationView view(
      Handle h, Evaluation e, boolean detailed, Map<String, ScorecardVersion> versions) {
    ScorecardVersion v =
        versions.computeIfAbsent(e.scorecardVersionId(), id -> service.version(h, e));
    String qcName =
        h.createQuery("SELECT name FROM users WHERE id = ?")
            .bind(0, e.qcId())
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    return new EvaluationView(
        e.id(),
        TicketFacts.find(h, e.ticketId()).orElse(null),
        e.agentId(),
        e.teamId(),
        e.qcId(),
        qcName,
        v.id(),
        v.definition().name(),
        v.version(),
        e.kind(),
        e.status(),
        e.revision(),
        e.score(),
        e.passed(),
        e.criticalFail(),
        e.complianceFlag(),
        v.definition().passMark(),
        e.answers(),
        e.overallComment(),
        e.coachingNote(),
        e.createdAt(),
        e.updatedAt(),
        e.submittedAt(),
        detailed && !e.draft() ? engine.score(v.definition(), e.answers()).criteria() : null,
        detailed ? service.store().revisions(h, e.id()) : null,
        detailed ? outbox.status(h, e.id()).orElse(null) : null,
        EvaluationService.editableUntil(e, editWindow),
        service.editable(e, editWindow));
  }
}
