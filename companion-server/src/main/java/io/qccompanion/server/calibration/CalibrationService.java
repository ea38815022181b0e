package io.qccompanion.server.calibration;

import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Conflict;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import io.qccompanion.server.evaluations.Evaluation;
import io.qccompanion.server.evaluations.EvaluationGateway;
import io.qccompanion.server.notifications.WorkflowNotices;
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
  private final WorkflowNotices notices;

  public CalibrationService(
      Clock clock, AuditLog audit, EvaluationGateway evaluations, WorkflowNotices notices) {
    this.clock = clock;
    this.audit = audit;
    this.evaluations = evaluations;
    this.notices = notices;
  }

  /**
   * Creates an OPEN session over {@code ticketIds} graded by {@code qcIds} and invites them; the
   * benchmark grader (optional) must be one of the participants.
   */
  public CalibrationSession create(
      Handle h,
      String actorId,
      String title,
      String scorecardVersionId,
      List<String> ticketIds,
      List<String> qcIds,
      Instant deadline,
      String benchmarkQcId) {
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
    if (benchmarkQcId != null && !qcIds.contains(benchmarkQcId))
      throw Invalid.malformed("/benchmarkQcId", "the benchmark grader must take part");
    if (deadline != null && !deadline.isAfter(clock.instant()))
      throw Invalid.malformed("/deadline", "the deadline must be in the future");
    String id = Ids.newId();
    h.createUpdate(
            """
            INSERT INTO calibration_sessions (id, title, scorecard_version_id, status, created_by,
              created_at, deadline_at, benchmark_qc_id)
            VALUES (:id, :title, :v, 'OPEN', :by, :at, :deadline, :bench)
            """)
        .bind("deadline", deadline == null ? null : deadline.toEpochMilli())
        .bind("bench", benchmarkQcId)
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
    notices.calibrationInvited(h, id, s.title(), s.qcIds());
    return s;
  }

  /** The session, or 404. */
  public CalibrationSession require(Handle h, String id) {
    return h.createQuery(
            """
            SELECT id, title, scorecard_version_id, status, notes, created_by, created_at,
              revealed_at, deadline_at, benchmark_qc_id
            FROM calibration_sessions WHERE id = :id
            """)
        .bind("id", id)
        .map(
            (rs, ctx) -> {
              long revealed = rs.getLong("revealed_at");
              boolean none = rs.wasNull();
              long deadline = rs.getLong("deadline_at");
              Instant deadlineAt = rs.wasNull() ? null : Instant.ofEpochMilli(deadline);
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
                  List.of(),
                  deadlineAt,
                  rs.getString("benchmark_qc_id"));
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
                        id),
                    s.deadlineAt(),
                    s.benchmarkQcId()))
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

  /** Session ids {@code userId} grades in or created, newest first. */
  public List<String> sessionIdsOf(Handle h, String userId, boolean everything) {
    return h.createQuery(
            """
            SELECT s.id FROM calibration_sessions s
            WHERE :all = 1 OR s.created_by = :u
              OR EXISTS (SELECT 1 FROM calibration_participants p
                WHERE p.session_id = s.id AND p.user_id = :u)
            ORDER BY s.created_at DESC, s.id DESC
            """)
        .bind("u", userId)
        .bind("all", everything ? 1 : 0)
        .mapTo(String.class)
        .list();
  }

  /** Grades still missing: participants × tickets without a submitted calibration grade. */
  public int missingGrades(Handle h, CalibrationSession s) {
    return s.ticketIds().size() * s.qcIds().size() - grades(h, s).size();
  }

  /** Whether the lead may reveal now: everyone graded everything, or the deadline passed. */
  public boolean revealable(Handle h, CalibrationSession s) {
    if (s.revealed()) return false;
    return missingGrades(h, s) == 0
        || s.deadlineAt() != null && !clock.instant().isBefore(s.deadlineAt());
  }

  /**
   * Ends blind grading once every participant graded every ticket or the deadline passed: every
   * participant may now see every grade, and nobody may grade in the session any more.
   */
  public CalibrationSession reveal(Handle h, String actorId, String id, String notes) {
    CalibrationSession before = require(h, id);
    if (before.revealed()) throw new Conflict("calibration '" + id + "' is already revealed");
    int missing = missingGrades(h, before);
    if (!revealable(h, before))
      throw new Conflict(
          missing
              + " grade(s) still missing; reveal when everyone has graded"
              + (before.deadlineAt() == null
                  ? ""
                  : " or after the deadline " + before.deadlineAt()));
    h.createUpdate(
            "UPDATE calibration_sessions SET status = 'REVEALED', revealed_at = :at, notes = :notes WHERE id = :id")
        .bind("at", clock.millis())
        .bind("notes", notes)
        .bind("id", id)
        .execute();
    CalibrationSession after = require(h, id);
    audit.record(h, actorId, "calibration.reveal", "calibration", id, before, after);
    notices.calibrationRevealed(h, id, after.title(), after.qcIds());
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

  private static int ungraded(Handle h, CalibrationSession s, String qcId) {
    return h.createQuery(
            """
            SELECT COUNT(*) FROM calibration_tickets t WHERE t.session_id = :s AND NOT EXISTS
              (SELECT 1 FROM evaluations e WHERE e.ticket_id = t.ticket_id AND e.qc_id = :qc
               AND e.kind = 'CALIBRATION' AND e.status <> 'DRAFT' AND e.scorecard_version_id = :v)
            """)
        .bind("s", s.id())
        .bind("qc", qcId)
        .bind("v", s.scorecardVersionId())
        .mapTo(Integer.class)
        .one();
  }

  private static boolean exists(Handle h, String sql, String id) {
    return h.createQuery(sql).bind("id", id).mapTo(Integer.class).one() > 0;
  }

  private static List<String> strings(Handle h, String sql, String id) {
    return h.createQuery(sql).bind(0, id).mapTo(String.class).list();
  }
}
