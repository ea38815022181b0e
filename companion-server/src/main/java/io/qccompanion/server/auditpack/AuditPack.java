package io.qccompanion.server.auditpack;

import io.qccompanion.server.calibration.GraderConsistency;
import io.qccompanion.server.csv.Csv;
import io.qccompanion.server.web.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;

/**
 * The evidence an auditor asks for, for one period, as a ZIP written straight to the response: each
 * file is mapped in README.md and manifest.json to the standard it evidences.
 */
public final class AuditPack {
  private final GraderConsistency calibration;

  public AuditPack(GraderConsistency calibration) {
    this.calibration = calibration;
  }

  /** One file of the pack and the standard (SOP clause / criterion) it evidences. */
  public record Entry(String file, String standard, String description, int rows) {}

  private record Table(String file, String standard, String description, String sql) {}

  private static final List<Table> TABLES =
      List.of(
          new Table(
              "evaluations.csv",
              "SOP 4.2 Regular evaluations; SOP 5 evaluation sheets kept 12 months",
              "Submitted regular evaluations with score, pass/fail, critical fail",
              """
              SELECT id, ticket_id, agent_id, team_id, qc_id, scorecard_version_id, status, revision,
                score, passed, critical_fail, compliance_flag, overall_comment, coaching_note, submitted_at
              FROM evaluations WHERE kind = 'REGULAR' AND status <> 'DRAFT'
                AND submitted_at >= :from AND submitted_at < :to ORDER BY submitted_at, id
              """),
          new Table(
              "evaluation_answers.csv",
              "SOP 4.3 Analysing metrics: per-criterion results and root causes",
              "Per-criterion answers of the evaluations above",
              """
              SELECT a.evaluation_id, a.section, a.criterion_id, a.criterion, a.points, a.max_points,
                a.not_applicable, a.failed, a.critical, a.root_causes
              FROM evaluation_answers a JOIN evaluations e ON e.id = a.evaluation_id
              WHERE e.kind = 'REGULAR' AND e.status <> 'DRAFT'
                AND e.submitted_at >= :from AND e.submitted_at < :to ORDER BY a.evaluation_id, a.criterion_id
              """),
          new Table(
              "feedback.csv",
              "SOP 4.4 Documented feedback with agent responses",
              "Acknowledgements, responses and disputes with their resolution",
              """
              SELECT id, evaluation_id, agent_id, qc_id, kind, criterion_id, text, status, due_at,
                resolved_by, resolution, resolved_at, score_before, score_after, created_at
              FROM feedback WHERE created_at >= :from AND created_at < :to ORDER BY created_at, id
              """),
          new Table(
              "csat_summary.csv",
              "SOP 6 Quality metrics: CSAT >= 85%",
              "CSAT ratings of tickets solved in the period, per team",
              """
              SELECT team_id, COUNT(*) AS tickets,
                SUM(CASE WHEN csat_rating = 'GOOD' OR csat_rating = 'good' THEN 1 ELSE 0 END) AS good,
                SUM(CASE WHEN csat_rating = 'BAD' OR csat_rating = 'bad' THEN 1 ELSE 0 END) AS bad
              FROM tickets WHERE solved_at >= :from AND solved_at < :to GROUP BY team_id ORDER BY team_id
              """),
          new Table(
              "coaching_sessions.csv",
              "SOP 4.4 Feedback sessions (GROW coaching) with agent acknowledgement",
              "Coaching sessions: goal, reality, options, way forward",
              """
              SELECT id, agent_id, coach_id, evaluation_ids, goal, reality, options, way_forward,
                held_at, acknowledged_at FROM coaching_sessions
              WHERE held_at >= :from AND held_at < :to ORDER BY held_at, id
              """),
          new Table(
              "action_plans.csv",
              "Audit: corrective action plans with SMART targets and follow-up review",
              "Action plans, targets, due dates and follow-up verdicts",
              """
              SELECT id, agent_id, owner_id, goal, measure, criterion_id, target, over_evaluations,
                due_at, status, started_at, reviewed_at, achieved, evaluated, verdict
              FROM action_plans WHERE created_at >= :from AND created_at < :to ORDER BY created_at, id
              """),
          new Table(
              "training_records.csv",
              "SOP 4.5 Training from performance gaps and its effectiveness; SOP 5 training records",
              "Training assigned from gaps, completion, effectiveness",
              """
              SELECT id, agent_id, topic, criterion_id, root_cause, assigned_by, assigned_at, due_at,
                completed_at, baseline, after_rate, verdict FROM training_records
              WHERE assigned_at >= :from AND assigned_at < :to ORDER BY assigned_at, id
              """),
          new Table(
              "escalations.csv",
              "SOP 4.6 Compliance monitoring: violations escalated and documented",
              "Compliance escalations with owner, status and resolution",
              """
              SELECT id, evaluation_id, ticket_id, agent_id, severity, reason, owner_id, status,
                resolution_notes, due_at, created_at, resolved_at FROM compliance_escalations
              WHERE created_at >= :from AND created_at < :to ORDER BY created_at, id
              """));

  /** Writes the ZIP for [from, to) (epoch millis) to {@code out}. */
  public List<Entry> write(Handle h, long from, long to, OutputStream out) {
    List<Entry> entries = new ArrayList<>();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Table t : TABLES) {
        zip.putNextEntry(new ZipEntry(t.file()));
        int rows = table(h, t.sql(), from, to, zip);
        zip.closeEntry();
        entries.add(new Entry(t.file(), t.standard(), t.description(), rows));
      }
      List<Map<String, Object>> sheets = sheets(h, from, to);
      put(zip, "evaluations.json", Json.write(sheets));
      entries.add(
          new Entry(
              "evaluations.json",
              "SOP 5 Evaluation sheets kept 12 months",
              "Each submitted evaluation with its per-criterion answers and comments",
              sheets.size()));
      Map<String, Object> calibrations = calibration.calibrationOverTime(h, from, to);
      put(zip, "calibration.json", Json.write(calibrations));
      entries.add(
          new Entry(
              "calibration.json",
              "QC consistency: moderation meetings comparing scoring (per-QC deviation, agreement, IRR)",
              "Revealed calibration sessions with agreement, Krippendorff's alpha and QC deviation",
              ((List<?>) calibrations.get("sessions")).size()));
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("from", java.time.Instant.ofEpochMilli(from));
      manifest.put("to", to == Long.MAX_VALUE ? null : java.time.Instant.ofEpochMilli(to));
      manifest.put("files", entries);
      put(zip, "manifest.json", Json.write(manifest));
      put(zip, "README.md", readme(entries));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static List<Map<String, Object>> sheets(Handle h, long from, long to) {
    List<Map<String, Object>> rows =
        h.createQuery(
                """
                SELECT id, ticket_id, agent_id, qc_id, scorecard_version_id, status, revision, score,
                  passed, critical_fail, answers, overall_comment, coaching_note, submitted_at
                FROM evaluations WHERE kind = 'REGULAR' AND status <> 'DRAFT'
                  AND submitted_at >= :from AND submitted_at < :to ORDER BY submitted_at, id
                """)
            .bind("from", from)
            .bind("to", to)
            .mapToMap()
            .list();
    List<Map<String, Object>> sheets = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> sheet = new LinkedHashMap<>(row);
      sheet.put("answers", Json.read((String) row.get("answers"), Object.class));
      sheets.add(sheet);
    }
    return sheets;
  }

  private static int table(Handle h, String sql, long from, long to, ZipOutputStream zip)
      throws IOException {
    List<Map<String, Object>> rows =
        h.createQuery(sql).bind("from", from).bind("to", to).mapToMap().list();
    if (rows.isEmpty()) {
      zip.write("\r\n".getBytes(StandardCharsets.UTF_8));
      return 0;
    }
    zip.write(Csv.line(new ArrayList<>(rows.get(0).keySet())).getBytes(StandardCharsets.UTF_8));
    for (Map<String, Object> row : rows)
      zip.write(Csv.line(new ArrayList<>(row.values())).getBytes(StandardCharsets.UTF_8));
    return rows.size();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static String readme(List<Entry> entries) {
    StringBuilder b =
        new StringBuilder(
            "# QC Companion audit pack\n\nEach file and the standard it evidences. Times are epoch"
                + " milliseconds (UTC).\n\n| File | Standard / criterion | Contents | Rows |\n|---|---|---|---|\n");
    for (Entry e : entries)
      b.append("| ")
          .append(e.file())
          .append(" | ")
          .append(e.standard())
          .append(" | ")
          .append(e.description())
          .append(" | ")
          .append(e.rows())
          .append(" |\n");
    return b.toString();
  }
}
