package io.qccompanion.server.auditpack;

import io.qccompanion.server.calibration.GraderConsistency;
import io.qccompanion.server.csv.Csv;
import io.qccompanion.server.domain.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;

/**
 * The evidence an auditor asks for, for one period and optionally one team, as a ZIP written
 * straight to the response. An auditor reads it without joins: names instead of ids, local dates
 * and times, a cover index (README.md) and, on every record, the clause it evidences from the
 * mapping admins edit ({@link AuditPackClauses}).
 */
final class AuditPack {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final Set<String> FLAGS =
      Set.of("passed", "critical_fail", "compliance_flag", "not_applicable", "failed", "critical");

  private final GraderConsistency calibration;
  private final AuditPackClauses clauses;

  public AuditPack(GraderConsistency calibration, AuditPackClauses clauses) {
    this.calibration = calibration;
    this.clauses = clauses;
  }

  /** What to pack: [from, to) in epoch millis, one team (null: all) and the reader's zone. */
  public record Request(long from, long to, String teamId, ZoneId zone) {}

  /** One file of the pack and the clause it evidences. */
  public record Entry(
      String file,
      String recordKind,
      String clause,
      String clauseTitle,
      String contents,
      int rows) {}

  private record Table(String kind, String file, String contents, String sql) {}

  private static final String TEAM = " AND (:team = '' OR %s = :team)";

  private static final List<Table> TABLES =
      List.of(
          new Table(
              "evaluations",
              "evaluations.csv",
              "Submitted regular evaluations with score, pass/fail and critical fail",
              """
              SELECT e.id AS evaluation, t.external_id AS ticket, t.subject AS ticket_subject,
                a.name AS agent, tm.name AS team, q.name AS qc, sc.name AS scorecard,
                sv.version AS scorecard_version, e.status, e.revision, e.score, e.passed,
                e.critical_fail, e.overall_comment, e.coaching_note, e.submitted_at
              FROM evaluations e
                LEFT JOIN tickets t ON t.id = e.ticket_id
                LEFT JOIN agents a ON a.id = e.agent_id
                LEFT JOIN teams tm ON tm.id = e.team_id
                LEFT JOIN users q ON q.id = e.qc_id
                LEFT JOIN scorecard_versions sv ON sv.id = e.scorecard_version_id
                LEFT JOIN scorecards sc ON sc.id = sv.scorecard_id
              WHERE e.kind = 'REGULAR' AND e.status <> 'DRAFT'
                AND e.submitted_at >= :from AND e.submitted_at < :to"""
                  + TEAM.formatted("e.team_id")
                  + " ORDER BY e.submitted_at, e.id"),
          new Table(
              "evaluation_answers",
              "evaluation_answers.csv",
              "Per-criterion answers and root causes of the evaluations above",
              """
              SELECT e.id AS evaluation, a.name AS agent, x.section, x.criterion, x.points,
                x.max_points, x.not_applicable, x.failed, x.critical, x.root_causes
              FROM evaluation_answers x JOIN evaluations e ON e.id = x.evaluation_id
                LEFT JOIN agents a ON a.id = e.agent_id
              WHERE e.kind = 'REGULAR' AND e.status <> 'DRAFT'
                AND e.submitted_at >= :from AND e.submitted_at < :to"""
                  + TEAM.formatted("e.team_id")
                  + " ORDER BY e.submitted_at, e.id, x.criterion_id"),
          new Table(
              "csat",
              "csat_summary.csv",
              "CSAT ratings of tickets solved in the period, per team",
              """
              SELECT COALESCE(tm.name, '(no team)') AS team, COUNT(*) AS tickets_solved,
                SUM(CASE WHEN lower(t.csat_rating) = 'good' THEN 1 ELSE 0 END) AS rated_good,
                SUM(CASE WHEN lower(t.csat_rating) = 'bad' THEN 1 ELSE 0 END) AS rated_bad
              FROM tickets t LEFT JOIN teams tm ON tm.id = t.team_id
              WHERE t.solved_at >= :from AND t.solved_at < :to"""
                  + TEAM.formatted("t.team_id")
                  + " GROUP BY tm.name ORDER BY tm.name"),
          new Table(
              "feedback",
              "feedback.csv",
              "Acknowledgements, responses and disputes with their resolution",
              """
              SELECT f.evaluation_id AS evaluation, a.name AS agent, q.name AS qc, f.kind,
                f.criterion_id AS criterion, f.text, f.status, f.due_at, r.name AS resolved_by,
                f.resolution, f.resolved_at, f.score_before, f.score_after, f.created_at
              FROM feedback f LEFT JOIN agents a ON a.id = f.agent_id
                LEFT JOIN users q ON q.id = f.qc_id LEFT JOIN users r ON r.id = f.resolved_by
              WHERE f.created_at >= :from AND f.created_at < :to"""
                  + TEAM.formatted("f.team_id")
                  + " ORDER BY f.created_at, f.id"),
          new Table(
              "coaching_sessions",
              "coaching_sessions.csv",
              "Coaching sessions (GROW): goal, reality, options, way forward",
              """
              SELECT a.name AS agent, c.name AS coach, s.goal, s.reality, s.options,
                s.way_forward, s.evaluation_ids AS evaluations, s.held_at, s.acknowledged_at
              FROM coaching_sessions s LEFT JOIN agents a ON a.id = s.agent_id
                LEFT JOIN users c ON c.id = s.coach_id
              WHERE s.held_at >= :from AND s.held_at < :to"""
                  + TEAM.formatted("s.team_id")
                  + " ORDER BY s.held_at, s.id"),
          new Table(
              "action_plans",
              "action_plans.csv",
              "Action plans: SMART goal, target, due date and the follow-up verdict",
              """
              SELECT a.name AS agent, o.name AS owner, p.goal, p.measure, p.target,
                p.over_evaluations, p.started_at, p.due_at, p.status, p.reviewed_at, p.achieved,
                p.evaluated, p.verdict
              FROM action_plans p LEFT JOIN agents a ON a.id = p.agent_id
                LEFT JOIN users o ON o.id = p.owner_id
              WHERE p.created_at >= :from AND p.created_at < :to"""
                  + TEAM.formatted("p.team_id")
                  + " ORDER BY p.created_at, p.id"),
          new Table(
              "training_records",
              "training_records.csv",
              "Training assigned from gaps, completion and measured effect",
              """
              SELECT a.name AS agent, r.topic, r.criterion_id AS criterion, r.root_cause,
                u.name AS assigned_by, r.assigned_at, r.due_at, r.completed_at, r.baseline,
                r.after_rate, r.verdict
              FROM training_records r LEFT JOIN agents a ON a.id = r.agent_id
                LEFT JOIN users u ON u.id = r.assigned_by
              WHERE r.assigned_at >= :from AND r.assigned_at < :to"""
                  + TEAM.formatted("r.team_id")
                  + " ORDER BY r.assigned_at, r.id"),
          new Table(
              "escalations",
              "escalations.csv",
              "Compliance escalations with owner, status and resolution",
              """
              SELECT x.evaluation_id AS evaluation, t.external_id AS ticket, a.name AS agent,
                x.severity, x.reason, o.name AS owner, x.status, x.resolution_notes, x.due_at,
                x.created_at, x.resolved_at
              FROM compliance_escalations x LEFT JOIN agents a ON a.id = x.agent_id
                LEFT JOIN users o ON o.id = x.owner_id LEFT JOIN tickets t ON t.id = x.ticket_id
              WHERE x.created_at >= :from AND x.created_at < :to"""
                  + TEAM.formatted("x.team_id")
                  + " ORDER BY x.created_at, x.id"),
          new Table(
              "targets",
              "targets.csv",
              "KPI targets in the history, with the day each took effect",
              """
              SELECT CASE WHEN k.scope = '*' THEN '(organisation)' ELSE COALESCE(tm.name, k.scope)
                END AS team, k.effective_from, k.quality_percent, k.csat_percent, k.fcr_percent,
                k.aht_minutes, k.production_per_day, u.name AS set_by, k.updated_at
              FROM kpi_target_history k LEFT JOIN teams tm ON tm.id = k.scope
                LEFT JOIN users u ON u.id = k.updated_by
              WHERE :from >= 0 AND :to >= 0 AND (:team = '' OR k.scope = :team OR k.scope = '*')
              ORDER BY k.scope, k.effective_from"""));

  /** Writes the ZIP to {@code out}; returns the index. */
  public List<Entry> write(Handle h, Request r, OutputStream out) {
    Map<String, AuditPackClauses.Clause> map = clauses.byKind(h);
    List<Entry> entries = new ArrayList<>();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Table t : TABLES) {
        var clause = map.get(t.kind());
        zip.putNextEntry(new ZipEntry(t.file()));
        int rows = table(h, t.sql(), r, clause, zip);
        zip.closeEntry();
        entries.add(entry(t.file(), t.kind(), clause, t.contents(), rows));
      }
      List<Map<String, Object>> sheets = sheets(h, r);
      put(zip, "evaluations.json", Json.write(sheets));
      entries.add(
          entry(
              "evaluations.json",
              "evaluation_sheets",
              map.get("evaluation_sheets"),
              "Each evaluation sheet with its per-criterion answers and comments",
              sheets.size()));
      Map<String, Object> calibrations = calibration.calibrationOverTime(h, r.from(), r.to());
      put(zip, "calibration.json", Json.write(calibrations));
      entries.add(
          entry(
              "calibration.json",
              "calibration",
              map.get("calibration"),
              "Revealed calibration sessions: agreement, Krippendorff's alpha, QC deviation",
              ((List<?>) calibrations.get("sessions")).size()));
      String team = teamName(h, r.teamId());
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("period", period(r));
      manifest.put("team", team);
      manifest.put("timeZone", r.zone().getId());
      manifest.put("files", entries);
      put(zip, "manifest.json", Json.write(manifest));
      put(zip, "README.md", cover(r, team, entries));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static Entry entry(
      String file, String kind, AuditPackClauses.Clause c, String contents, int rows) {
    return new Entry(
        file, kind, c == null ? "" : c.clause(), c == null ? "" : c.title(), contents, rows);
  }

  private static String teamName(Handle h, String teamId) {
    if (teamId == null) return "All teams";
    return h.createQuery("SELECT name FROM teams WHERE id = :id")
        .bind("id", teamId)
        .mapTo(String.class)
        .findOne()
        .orElse(teamId);
  }

  private List<Map<String, Object>> sheets(Handle h, Request r) {
    List<Map<String, Object>> rows =
        h.createQuery(
                """
                SELECT e.id AS evaluation, t.external_id AS ticket, a.name AS agent, q.name AS qc,
                  e.status, e.revision, e.score, e.passed, e.critical_fail, e.answers,
                  e.overall_comment, e.coaching_note, e.submitted_at
                FROM evaluations e LEFT JOIN tickets t ON t.id = e.ticket_id
                  LEFT JOIN agents a ON a.id = e.agent_id LEFT JOIN users q ON q.id = e.qc_id
                WHERE e.kind = 'REGULAR' AND e.status <> 'DRAFT'
                  AND e.submitted_at >= :from AND e.submitted_at < :to"""
                    + TEAM.formatted("e.team_id")
                    + " ORDER BY e.submitted_at, e.id")
            .bind("from", r.from())
            .bind("to", r.to())
            .bind("team", r.teamId() == null ? "" : r.teamId())
            .mapToMap()
            .list();
    List<Map<String, Object>> sheets = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> sheet = new LinkedHashMap<>();
      row.forEach((k, v) -> sheet.put(k, readable(k, v, r.zone())));
      sheet.put("answers", Json.read((String) row.get("answers"), Object.class));
      sheets.add(sheet);
    }
    return sheets;
  }

  private static int table(
      Handle h, String sql, Request r, AuditPackClauses.Clause clause, ZipOutputStream zip)
      throws IOException {
    List<Map<String, Object>> rows =
        h.createQuery(sql)
            .bind("from", r.from())
            .bind("to", r.to())
            .bind("team", r.teamId() == null ? "" : r.teamId())
            .mapToMap()
            .list();
    if (rows.isEmpty()) {
      zip.write("\r\n".getBytes(StandardCharsets.UTF_8));
      return 0;
    }
    List<Object> header = new ArrayList<>(List.of("Clause"));
    rows.get(0).keySet().forEach(k -> header.add(heading(k)));
    zip.write(Csv.line(header).getBytes(StandardCharsets.UTF_8));
    for (Map<String, Object> row : rows) {
      List<Object> cells = new ArrayList<>(List.of(clause == null ? "" : clause.clause()));
      row.forEach((k, v) -> cells.add(readable(k, v, r.zone())));
      zip.write(Csv.line(cells).getBytes(StandardCharsets.UTF_8));
    }
    return rows.size();
  }

  /** "submitted_at" → "Submitted at". */
  static String heading(String column) {
    if (column.equals("qc")) return "QC";
    String s = column.replace('_', ' ');
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** Epoch-millis columns become local date-times; 0/1 flags become yes/no. */
  static Object readable(String column, Object value, ZoneId zone) {
    if (value == null) return null;
    if (column.endsWith("_at") && value instanceof Number n)
      return LOCAL.format(Instant.ofEpochMilli(n.longValue()).atZone(zone));
    if (FLAGS.contains(column) && value instanceof Number n)
      return n.intValue() == 0 ? "no" : "yes";
    return value;
  }

  private static String period(Request r) {
    String from = r.from() == 0 ? "the beginning" : DAY.format(localDay(r.from(), r.zone()));
    String to = r.to() == Long.MAX_VALUE ? "today" : DAY.format(localDay(r.to() - 1, r.zone()));
    return from + " – " + to;
  }

  private static LocalDate localDay(long millis, ZoneId zone) {
    return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String cover(Request r, String team, List<Entry> entries) {
    StringBuilder b =
        new StringBuilder("# QC Companion audit pack\n\n")
            .append("- Period: ")
            .append(period(r))
            .append("\n- Team: ")
            .append(team)
            .append("\n- Dates and times: ")
            .append(r.zone().getId())
            .append(" (local), written as yyyy-MM-dd HH:mm\n")
            .append(
                "\nEvery record names the clause it evidences in its first column. The files:\n\n")
            .append("| File | Clause | Evidences | Contents | Records |\n|---|---|---|---|---|\n");
    for (Entry e : entries)
      b.append("| ")
          .append(e.file())
          .append(" | ")
          .append(e.clause())
          .append(" | ")
          .append(e.clauseTitle())
          .append(" | ")
          .append(e.contents())
          .append(" | ")
          .append(e.rows())
          .append(" |\n");
    return b.toString();
  }
}
