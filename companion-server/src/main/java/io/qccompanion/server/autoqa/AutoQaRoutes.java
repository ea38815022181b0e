package io.qccompanion.server.autoqa;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Cursor;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import io.qccompanion.server.web.CursorParams;
import io.qccompanion.server.web.HttpProblem;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * AutoQA status (coverage, gates), criterion bindings, a ticket's automatic evaluation and the
 * panel's suggestions, and the graders' overrides of them.
 */
final class AutoQaRoutes {
  private static final Role[] STAFF = {Role.ADMIN, Role.MANAGER, Role.QC_LEAD, Role.QC};

  private final Database db;
  private final java.util.function.Function<Handle, RuleBook> rules;
  private final AutoEvaluations store;
  private final CriterionBindings bindings;
  private final AgreementGate gate;
  private final Suggestions suggestions;
  private final SuggestionOutcomes outcomes;
  private final Holdout holdout;

  AutoQaRoutes(
      Database db,
      java.util.function.Function<Handle, RuleBook> rules,
      AutoEvaluations store,
      CriterionBindings bindings,
      AgreementGate gate,
      Suggestions suggestions,
      SuggestionOutcomes outcomes,
      Holdout holdout) {
    this.db = db;
    this.holdout = holdout;
    this.rules = rules;
    this.store = store;
    this.bindings = bindings;
    this.gate = gate;
    this.suggestions = suggestions;
    this.outcomes = outcomes;
  }

  record Bindings(List<CriterionBindings.Binding> bindings) {}

  record Coverage(
      String host, long closedTickets, long withConversation, long scored, Double coverage) {}

  record GateState(
      String scorecardVersionId,
      String criterionId,
      String criterionName,
      String check,
      String mapping,
      int pairs,
      Double alpha,
      Double alphaLow,
      Double alphaHigh,
      List<Double> values,
      int[][] confusion,
      String state,
      String reason,
      CriterionBindings.Quality quality,
      int overridden,
      int accepted,
      int heldOut,
      int prefilledExcluded) {}

  public void register(RoutesConfig r) {
    r.get("/api/v1/autoqa/status", this::status, STAFF);
    r.get("/api/v1/autoqa/bindings/{versionId}", this::getBindings, STAFF);
    r.put("/api/v1/autoqa/bindings/{versionId}", this::putBindings, Role.ADMIN);
    r.get("/api/v1/tickets/{id}/auto-evaluation", this::ticket, STAFF);
    r.get("/api/v1/tickets/{id}/suggestions", this::suggestions, Role.GRADERS);
    r.get("/api/v1/autoqa/overrides", this::overrides, STAFF);
  }

  private void status(Context ctx) {
    CriterionBindings.TicketFilter filter = filter(ctx);
    RuleBook book = db.read(rules::apply);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ruleSetVersion", book.defaultVersion());
    body.put(
        "coverage",
        db.read(
            h ->
                book.bind(
                        h.createQuery(
                            """
            SELECT t.host,
              COUNT(*) AS closed,
              SUM(CASE WHEN c.stored > 0 THEN 1 ELSE 0 END) AS with_conversation,
              SUM(CASE WHEN c.stored > 0 AND a.status = 'SCORED'
                        AND a.ticket_updated_at = t.updated_at AND a.rule_set_version = %s
                        AND a.scored_at >= c.updated_at THEN 1 ELSE 0 END) AS scored
            FROM tickets t %s LEFT JOIN auto_evaluations a ON a.ticket_id = t.id
            LEFT JOIN conversations c ON c.connection_id = t.connection_id
              AND c.ticket_external_id = t.external_id
            WHERE t.solved_at IS NOT NULL GROUP BY t.host ORDER BY t.host"""
                                .formatted(book.expectedVersionSql(), RuleBook.JOIN_AGENT)))
                    .map(
                        (rs, c) -> {
                          long with = rs.getLong("with_conversation");
                          long scored = rs.getLong("scored");
                          return new Coverage(
                              rs.getString("host"),
                              rs.getLong("closed"),
                              with,
                              scored,
                              with == 0 ? null : (double) scored / with);
                        })
                    .list()));
    body.put(
        "gate",
        Map.of(
            "minAlpha",
            AgreementGate.DEFAULT_MIN_ALPHA,
            "minPairs",
            AgreementGate.DEFAULT_MIN_PAIRS,
            "holdoutPercent",
            holdout.percent()));
    body.put(
        "criteria",
        db.read(
            h -> {
              List<GateState> out = new ArrayList<>();
              for (CriterionBindings.Bound b : bindings.all(h)) {
                CriterionBindings.Measured m = bindings.gate(h, b, gate);
                AgreementGate.Report r = m.report();
                int[] counts =
                    outcomes.counts(h, b.scorecardVersionId(), b.binding().criterionId());
                boolean open = r.state() == AgreementGate.State.OPEN;
                out.add(
                    new GateState(
                        b.scorecardVersionId(),
                        b.binding().criterionId(),
                        bindings.criterion(h, b).name(),
                        b.binding().check(),
                        b.binding().mapping(),
                        r.pairs(),
                        r.alpha(),
                        r.low(),
                        r.high(),
                        r.values(),
                        r.confusion(),
                        r.state().name(),
                        r.reason(),
                        open ? bindings.quality(h, b, filter) : null,
                        counts[0],
                        counts[1],
                        counts[2],
                        m.prefilledExcluded()));
              }
              return out;
            }));
    ctx.json(body);
  }

  /**
   * The tickets AutoQA quality figures cover: solved from {@code from} to {@code to} (ISO dates,
   * both included; open-ended when absent) in {@code teamId} or the caller's teams.
   */
  private static CriterionBindings.TicketFilter filter(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    long from = day(ctx.queryParam("from"), "from", 0, 0L);
    long to = day(ctx.queryParam("to"), "to", 1, Long.MAX_VALUE);
    if (from >= to) throw HttpProblem.invalid("from", "from is after to");
    String team = ctx.queryParam("teamId");
    Set<String> teams;
    if (team != null && !team.isBlank()) {
      if (!p.seesTeam(team.strip()))
        throw HttpProblem.forbidden("team '" + team + "' is not yours");
      teams = Set.of(team.strip());
    } else teams = p.role() == Role.ADMIN || p.teamIds().isEmpty() ? null : Set.copyOf(p.teamIds());
    return new CriterionBindings.TicketFilter(from, to, teams);
  }

  private static long day(String value, String name, int plusDays, long fallback) {
    if (value == null || value.isBlank()) return fallback;
    try {
      return LocalDate.parse(value.strip())
          .plusDays(plusDays)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant()
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      throw HttpProblem.invalid(name, name + " must be an ISO date like 2026-11-30");
    }
  }

  private void getBindings(Context ctx) {
    ctx.json(new Bindings(db.read(h -> bindings.list(h, ctx.pathParam("versionId")))));
  }

  private void putBindings(Context ctx) {
    Bindings body = Bodies.read(ctx, Bindings.class);
    if (body.bindings() == null) throw HttpProblem.invalid("/bindings", "bindings is required");
    String actor = Authenticator.principal(ctx).userId();
    ctx.json(
        new Bindings(
            db.write(
                h -> bindings.replace(h, ctx.pathParam("versionId"), body.bindings(), actor))));
  }

  private void suggestions(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String id = ctx.pathParam("id");
    String version = ctx.queryParam("scorecardVersionId");
    if (version == null || version.isBlank())
      throw HttpProblem.invalid("scorecardVersionId", "scorecardVersionId is required");
    String evaluationId = blankToNull(ctx.queryParam("evaluationId"));
    ctx.json(
        db.read(
            h -> {
              if (!visibleTicket(h, p, id)) throw HttpProblem.notFound("ticket", id);
              Holdout.Reason withheld = withheld(h, p, id, version, evaluationId);
              if (withheld != null)
                return new Suggestions.TicketSuggestions(id, version, null, List.of(), withheld);
              return suggestions
                  .of(h, id, version)
                  .orElse(new Suggestions.TicketSuggestions(id, version, null, List.of(), null));
            }));
  }

  /**
   * Whether the evaluation being graded goes without pre-filled answers: {@code evaluationId}, or
   * else the caller's latest evaluation of the ticket on that version (none yet: pre-filled).
   */
  private Holdout.Reason withheld(
      Handle h, Principal p, String ticketId, String versionId, String evaluationId) {
    var query =
        evaluationId != null
            ? h.createQuery("SELECT id, kind FROM evaluations WHERE id = :e AND ticket_id = :t")
                .bind("e", evaluationId)
            : h.createQuery(
                    """
                    SELECT id, kind FROM evaluations WHERE ticket_id = :t AND qc_id = :me
                      AND scorecard_version_id = :v ORDER BY created_at DESC, id DESC""")
                .bind("me", p.userId())
                .bind("v", versionId);
    var evaluation =
        query
            .bind("t", ticketId)
            .map((rs, c) -> List.of(rs.getString(1), rs.getString(2)))
            .findFirst();
    if (evaluationId != null && evaluation.isEmpty())
      throw HttpProblem.invalid(
          "evaluationId", "no evaluation '" + evaluationId + "' of this ticket");
    return evaluation.map(e -> holdout.withheld(e.get(0), e.get(1))).orElse(null);
  }

  /** In the caller's team scope, or in a calibration session they take part in. */
  private static boolean visibleTicket(Handle h, Principal p, String ticketId) {
    return h.createQuery(
            """
            SELECT t.team_id, (SELECT COUNT(*) FROM calibration_tickets ct
              JOIN calibration_participants cp ON cp.session_id = ct.session_id
              WHERE ct.ticket_id = t.id AND cp.user_id = :me) AS sessions
            FROM tickets t WHERE t.id = :id""")
        .bind("id", ticketId)
        .bind("me", p.userId())
        .map((rs, c) -> p.seesTeam(rs.getString(1)) || rs.getInt(2) > 0)
        .findOne()
        .orElse(false);
  }

  private void overrides(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    Cursor cursor = CursorParams.from(ctx);
    var query =
        new SuggestionOutcomes.Query(
            blankToNull(ctx.queryParam("evaluationId")),
            blankToNull(ctx.queryParam("criterionId")),
            blankToNull(ctx.queryParam("qcId")));
    var page = db.read(h -> outcomes.overrides(h, p, query, cursor));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items());
    if (page.nextCursor() != null) body.put("nextCursor", page.nextCursor());
    ctx.json(body);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void ticket(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(
        db.read(h -> store.find(h, id))
            .orElseThrow(() -> HttpProblem.notFound("automatic evaluation of ticket", id)));
  }
}
