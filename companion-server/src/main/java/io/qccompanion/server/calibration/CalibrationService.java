package io.qccompanion.server.calibration;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.evaluations.Evaluation;
import io.qccompanion.server.evaluations.EvaluationGateway;
import io.qccompanion.server.scoring.Answer;
import io.qccompanion.server.store.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Calibration sessions: creation, blind grading (QCs grade through the evaluations API with kind
 * CALIBRATION), reveal and benchmark answers. Works inside the caller's transaction.
 */
public final class CalibrationService {
  private final Clock clock;
  private final AuditLog audit;
  private final EvaluationGateway evaluations;

  public CalibrationService(Clock clock, AuditLog audit, EvaluationGateway evaluations) {
    this.clock = clock;
    this.audit = audit;
    this.evaluations = evaluations;
  }

  /** Creates an OPEN session over {@code ticketIds} graded by {@code qcIds}. */
  public CalibrationSession create(
      Handle h,
      String actorId,
      String title,
      String scorecardVersionId,
      List<String> ticketIds,
      List<String> qcIds) {
    if (title == null || title.isBlank()) throw Invalid.malformed("/title", "title is required");
    if (scorecardVersionId == null)
      throw Invalid.malformed("/scorecardVersionId", "scorecardVersionId is required");
    evaluations.definition(h, scorecardVersionId, "/scorecardVersionId");
    if (ticketIds == null || ticketIds.isEmpty())
      throw Invalid.malformed("/ticketIds", "name at least one ticket");
    if (qcIds == null || qcIds.size() < 2)
      throw Invalid.malformed("/qcIds", "a calibration needs at least two QCs");
    for (int i = 0; i < ticketIds.size(); i++)
      if (!exists(h, "SELECT COUNT(*) FROM tickets WHERE id = :id", ticketIds.get(i)))
        throw Invalid.malformed("/ticketIds/" + i, "no ticket '" + ticketIds.get(i) + "'");
    for (int i = 0; i < qcIds.size(); i++)
      if (!exists(
          h,
          "SELECT COUNT(*) FROM users WHERE id = :id AND role IN ('QC', 'QC_LEAD', 'ADMIN')",
          qcIds.get(i))) throw Invalid.malformed("/qcIds/" + i, "no grader '" + qcIds.get(i) + "'");
    String id = Ids.newId();
    h.createUpdate(
            """
            INSERT INTO calibration_sessions (id, title, scorecard_version_id, status, created_by, created_at)
            VALUES (:id, :title, :v, 'OPEN', :by, :at)
            """)
        .bind("id", id)
        .bind("title", title.strip())
        .bind("v", scorecardVersionId)
        .bind("by", actorId)
        .bind("at", clock.millis())
        .execute();
    for (String t : new LinkedHashSet<>(ticketIds))
      h.execute("INSERT INTO calibration_tickets (session_id, ticket_id) VALUES (?, ?)", id, t);
    for (String q : new LinkedHashSet<>(qcIds))
      h.execute("INSERT INTO calibration_participants (session_id, user_id) VALUES (?, ?)", id, q);
    CalibrationSession s = require(h, id);
    audit.record(h, actorId, "calibration.create", "calibration", id, null, s);
    return s;
  }

  /** The session, or 404. */
  public CalibrationSession require(Handle h, String id) {
    return h.createQuery(
            """
            SELECT id, title, scorecard_version_id, status, notes, created_by, created_at, revealed_at
            FROM calibration_sessions WHERE id = :id
            """)
        .bind("id", id)
        .map(
            (rs, ctx) -> {
              long revealed = rs.getLong("revealed_at");
              boolean none = rs.wasNull();
              return new CalibrationSession(
                  rs.getString("id"),
                  rs.getString("title"),
                  rs.getString("scorecard_version_id"),
                  rs.getString("status"),
                  rs.getString("notes"),
                  rs.getString("created_by"),
                  Instant.ofEpochMilli(rs.getLong("created_at")),
                  none ? null : Instant.ofEpochMilli(revealed),
                  List.of(),
                  List.of());
            })
        .findOne()
        .map(
            s ->
                new CalibrationSession(
                    s.id(),
                    s.title(),
                    s.scorecardVersionId(),
                    s.status(),
                    s.notes(),
                    s.createdBy(),
                    s.createdAt(),
                    s.revealedAt(),
                    strings(
                        h,
                        "SELECT ticket_id FROM calibration_tickets WHERE session_id = ? ORDER BY ticket_id",
                        id),
                    strings(
                        h,
                        "SELECT user_id FROM calibration_participants WHERE session_id = ? ORDER BY user_id",
                        id)))
        .orElseThrow(() -> new NotFound("calibration", id));
  }

  /** Session ids created in [from, to), newest last. */
  public List<String> sessionIds(Handle h, long from, long to) {
    return h.createQuery(
            "SELECT id FROM calibration_sessions WHERE created_at >= :f AND created_at < :t ORDER BY created_at, id")
        .bind("f", from)
        .bind("t", to)
        .mapTo(String.class)
        .list();
  }

  /** Ends blind grading: every participant may now see every grade. */
  public CalibrationSession reveal(Handle h, String actorId, String id, String notes) {
    CalibrationSession before = require(h, id);
    if (before.revealed()) throw new Conflict("calibration '" + id + "' is already revealed");
    h.createUpdate(
            "UPDATE calibration_sessions SET status = 'REVEALED', revealed_at = :at, notes = :notes WHERE id = :id")
        .bind("at", clock.millis())
        .bind("notes", notes)
        .bind("id", id)
        .execute();
    CalibrationSession after = require(h, id);
    audit.record(h, actorId, "calibration.reveal", "calibration", id, before, after);
    return after;
  }

  /** Records the agreed answer for every criterion of one ticket (after the reveal). */
  public Map<String, Answer> recordBenchmark(
      Handle h,
      String actorId,
      String id,
      String ticketId,
      Map<String, Answer> answers,
      String note) {
    CalibrationSession s = require(h, id);
    if (!s.revealed()) throw new Conflict("record the benchmark after the grades are revealed");
    if (!s.ticketIds().contains(ticketId)) throw new NotFound("calibration ticket", ticketId);
    if (answers == null || answers.isEmpty())
      throw Invalid.malformed("/answers", "answers are required");
    evaluations.score(
        evaluations.definition(h, s.scorecardVersionId(), "/scorecardVersionId"), answers);
    h.execute(
        "DELETE FROM calibration_benchmarks WHERE session_id = ? AND ticket_id = ?", id, ticketId);
    for (var e : answers.entrySet())
      h.createUpdate(
              """
              INSERT INTO calibration_benchmarks (session_id, ticket_id, criterion_id, value,
                not_applicable, note, recorded_by, recorded_at)
              VALUES (:s, :t, :c, :v, :na, :note, :by, :at)
              """)
          .bind("s", id)
          .bind("t", ticketId)
          .bind("c", e.getKey())
          .bind("v", e.getValue().value())
          .bind("na", e.getValue().na() ? 1 : 0)
          .bind("note", note)
          .bind("by", actorId)
          .bind("at", clock.millis())
          .execute();
    audit.record(
        h,
        actorId,
        "calibration.benchmark",
        "calibration",
        id,
        null,
        Map.of("ticketId", ticketId, "answers", answers));
    return answers;
  }

  /** Benchmarks of a session: ticket id → criterion id → answer. */
  public Map<String, Map<String, Answer>> benchmarks(Handle h, String id) {
    Map<String, Map<String, Answer>> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT ticket_id, criterion_id, value, not_applicable FROM calibration_benchmarks WHERE session_id = :s ORDER BY ticket_id, criterion_id")
        .bind("s", id)
        .map(
            (rs, ctx) -> {
              double v = rs.getDouble("value");
              Double value = rs.wasNull() ? null : v;
              out.computeIfAbsent(rs.getString("ticket_id"), k -> new LinkedHashMap<>())
                  .put(
                      rs.getString("criterion_id"),
                      new Answer(value, rs.getInt("not_applicable") == 1, List.of(), null));
              return 0;
            })
        .list();
    return out;
  }

  /** Submitted calibration grades of the session's QCs on its tickets. */
  public List<Evaluation> grades(Handle h, CalibrationSession s) {
    return h
        .createQuery(
            """
            SELECT e.id FROM evaluations e
            JOIN calibration_tickets t ON t.ticket_id = e.ticket_id AND t.session_id = :s
            JOIN calibration_participants p ON p.user_id = e.qc_id AND p.session_id = :s
            WHERE e.kind = 'CALIBRATION' AND e.status <> 'DRAFT' AND e.scorecard_version_id = :v
            ORDER BY e.ticket_id, e.qc_id
            """)
        .bind("s", s.id())
        .bind("v", s.scorecardVersionId())
        .mapTo(String.class)
        .list()
        .stream()
        .map(eid -> evaluations.require(h, eid))
        .toList();
  }

  /** Whether {@code p} may see every grade of the session now (else only their own). */
  public boolean seesAllGrades(Principal p, CalibrationSession s) {
    return s.revealed()
        || p.is(Role.ADMIN, Role.QC_LEAD, Role.MANAGER) && !s.qcIds().contains(p.userId());
  }

  /** Whether {@code p} may open the session at all. */
  public boolean participates(Principal p, CalibrationSession s) {
    return p.is(Role.ADMIN, Role.QC_LEAD, Role.MANAGER) || s.qcIds().contains(p.userId());
  }

  private static boolean exists(Handle h, String sql, String id) {
    return h.createQuery(sql).bind("id", id).mapTo(Integer.class).one() > 0;
  }

  private static List<String> strings(Handle h, String sql, String id) {
    return h.createQuery(sql).bind(0, id).mapTo(String.class).list();
  }
}
