package io.qccompanion.connector.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qccompanion.model.FeedbackNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How a QC result reads on a Jira issue: ADF for Cloud comments, plain text for JSM and DC. */
final class NoteFormat {
  private NoteFormat() {}

  /** The marker that makes a note findable again; brackets keep "r1" from matching "r10". */
  static String marker(FeedbackNote note) {
    return "[QC ref " + note.idempotencyKey() + "]";
  }

  static String headline(FeedbackNote note) {
    String score =
        note.scorePercent() == null
            ? "n/a"
            : String.format(Locale.ROOT, "%.1f%%", note.scorePercent());
    String verdict = note.criticalFail() ? "CRITICAL FAIL" : note.passed() ? "PASS" : "FAIL";
    return "QC grade: " + score + " - " + verdict;
  }

  static List<String> failures(FeedbackNote note) {
    List<String> lines = new ArrayList<>();
    for (FeedbackNote.FailedCriterion c : note.failedCriteria()) {
      StringBuilder line = new StringBuilder();
      if (c.section() != null) line.append(c.section()).append(" > ");
      line.append(c.criterion());
      if (c.critical()) line.append(" (critical)");
      if (!c.rootCauses().isEmpty()) {
        line.append(" - root cause: ").append(String.join(", ", c.rootCauses()));
      }
      if (c.comment() != null && !c.comment().isBlank()) line.append(" - ").append(c.comment());
      lines.add(line.toString());
    }
    return lines;
  }

  static ObjectNode adf(FeedbackNote note) {
    Adf adf = new Adf().heading(headline(note));
    if (note.scorecardName() != null) adf.paragraph("Scorecard", note.scorecardName());
    List<String> failures = failures(note);
    if (!failures.isEmpty()) adf.paragraph(null, "Failed criteria:").bullets(failures);
    if (present(note.overallComment())) adf.paragraph("Comment", note.overallComment());
    if (present(note.coachingNote())) adf.paragraph("Coaching", note.coachingNote());
    if (present(note.qcName())) adf.paragraph("QC", note.qcName());
    if (present(note.evaluationUrl()))
      adf.link("Open the evaluation in QC Companion", note.evaluationUrl());
    return adf.paragraph(null, marker(note)).build();
  }

  static String text(FeedbackNote note) {
    StringBuilder out = new StringBuilder(headline(note)).append('\n');
    if (note.scorecardName() != null)
      out.append("Scorecard: ").append(note.scorecardName()).append('\n');
    List<String> failures = failures(note);
    if (!failures.isEmpty()) {
      out.append("Failed criteria:\n");
      failures.forEach(f -> out.append("- ").append(f).append('\n'));
    }
    if (present(note.overallComment()))
      out.append("Comment: ").append(note.overallComment()).append('\n');
    if (present(note.coachingNote()))
      out.append("Coaching: ").append(note.coachingNote()).append('\n');
    if (present(note.qcName())) out.append("QC: ").append(note.qcName()).append('\n');
    if (present(note.evaluationUrl())) {
      out.append("Open the evaluation in QC Companion: ").append(note.evaluationUrl()).append('\n');
    }
    return out.append(marker(note)).toString();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
