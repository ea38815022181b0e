package io.qccompanion.server.evaluations;

import io.qccompanion.server.outbox.Outbox;
import io.qccompanion.server.scorecards.ScorecardVersion;
import io.qccompanion.server.scoring.ScoringEngine;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
    String qcName =
        h.createQuery("SELECT name FROM users WHERE id = ?")
            .bind(0, e.qcId())
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    return view(h, e, true, service.version(h, e), qcName, TicketFacts.find(h, e.ticketId()));
  }

  /**
   * List items: without per-criterion results, revisions and write-back status; names and tickets
   * of the whole page in one query each rather than two per item.
   */
  List<EvaluationView> summaries(Handle h, List<Evaluation> items) {
    Map<String, ScorecardVersion> versions = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    Set<String> qcIds =
        items.stream().map(Evaluation::qcId).filter(Objects::nonNull).collect(Collectors.toSet());
    if (!qcIds.isEmpty())
      h.createQuery("SELECT id, name FROM users WHERE id IN (<ids>)")
          .bindList("ids", List.copyOf(qcIds))
          .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
          .forEach(n -> names.put(n[0], n[1]));
    Map<String, TicketFacts> tickets =
        TicketFacts.findAll(h, items.stream().map(Evaluation::ticketId).distinct().toList());
    return items.stream()
        .map(
            e ->
                view(
                    h,
                    e,
                    false,
                    versions.computeIfAbsent(e.scorecardVersionId(), id -> service.version(h, e)),
                    names.get(e.qcId()),
                    Optional.ofNullable(tickets.get(e.ticketId()))))
        .toList();
  }

  private EvaluationView view(
      Handle h,
      Evaluation e,
      boolean detailed,
      ScorecardVersion v,
      String qcName,
      Optional<TicketFacts> ticket) {
    return new EvaluationView(
        e.id(),
        ticket.orElse(null),
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
