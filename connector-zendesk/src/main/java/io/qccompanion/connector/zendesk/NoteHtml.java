package io.qccompanion.connector.zendesk;

import static io.qccompanion.model.HtmlText.escape;

import io.qccompanion.model.FeedbackNote;
import java.util.Locale;

/**
 * Formats a {@link FeedbackNote} as the HTML body of a Zendesk internal note. Every value is
 * escaped ({@link io.qccompanion.model.HtmlText}). The idempotency marker is visible small text,
 * not an HTML comment or data attribute, because Zendesk's HTML sanitiser is not documented to keep
 * either.
 */
final class NoteHtml {
  static final String MARKER_PREFIX = "qc-note:";

  private NoteHtml() {}

  static String marker(FeedbackNote note) {
    return MARKER_PREFIX + note.idempotencyKey();
  }

  static String render(FeedbackNote note) {
    StringBuilder html = new StringBuilder();
    String score =
        note.scorePercent() == null
            ? "n/a"
            : String.format(Locale.ROOT, "%.1f%%", note.scorePercent());
    html.append("<h3>QC result: ")
        .append(escape(score))
        .append(" — ")
        .append(note.passed() ? "Pass" : "Fail")
        .append("</h3>");
    if (note.criticalFail()) {
      html.append("<p><strong>Critical fail</strong>: the score is set to 0.</p>");
    }
    html.append("<p>Scorecard: ")
        .append(escape(note.scorecardName()))
        .append(" · QC: ")
        .append(escape(note.qcName()))
        .append(" · revision ")
        .append(note.revision())
        .append("</p>");
    if (!note.failedCriteria().isEmpty()) {
      html.append("<p><strong>Criteria that lost points</strong></p><ul>");
      for (FeedbackNote.FailedCriterion c : note.failedCriteria()) {
        html.append("<li><strong>")
            .append(escape(c.section()))
            .append(" › ")
            .append(escape(c.criterion()))
            .append("</strong>");
        if (c.critical()) html.append(" (critical)");
        if (!c.rootCauses().isEmpty()) {
          html.append(" — root causes: ").append(escape(String.join(", ", c.rootCauses())));
        }
        if (c.comment() != null && !c.comment().isBlank()) {
          html.append("<br>").append(escape(c.comment()));
        }
        html.append("</li>");
      }
      html.append("</ul>");
    }
    paragraph(html, "Overall comment", note.overallComment());
    paragraph(html, "Coaching note", note.coachingNote());
    if (note.evaluationUrl() != null && note.evaluationUrl().matches("(?i)https?://.*")) {
      html.append("<p><a href=\"")
          .append(escape(note.evaluationUrl()))
          .append("\">Open the evaluation in QC Companion</a></p>");
    }
    html.append("<p><small>").append(escape(marker(note))).append("</small></p>");
    return html.toString();
  }

  private static void paragraph(StringBuilder html, String label, String text) {
    if (text == null || text.isBlank()) return;
    html.append("<p><strong>").append(label).append(":</strong> ").append(escape(text));
    html.append("</p>");
  }
}
