package io.qccompanion.server.pages;

import io.qccompanion.model.Message;
import io.qccompanion.server.autoqa.AutoQaFeature;
import io.qccompanion.server.conversations.Conversations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A ticket's stored conversation as the panel shows it: who wrote each message (customer, agent,
 * internal note, system or bot), when, its text, attachments and whether it was cut. The text is
 * AutoQA's readable text of the message, so that evidence offsets ({@code messageIndex}, {@code
 * start}, {@code end}) point into exactly what the reader sees.
 *
 * @param omitted messages not stored because the conversation exceeded the per-ticket bound
 */
record TranscriptView(List<Item> messages, int omitted) {

  /**
   * One message.
   *
   * @param index position in {@code GET /api/v1/tickets/{id}/messages}, as AutoQA evidence names it
   * @param kind CSS class: {@code customer}, {@code agent}, {@code internal} or {@code system}
   */
  record Item(
      int index,
      String kind,
      String label,
      String createdAt,
      String isoTime,
      String text,
      List<File> attachments,
      boolean truncated) {}

  /**
   * An attachment: its name, its size for a person ("12 KB"), and a link only when the host gave an
   * http(s) one.
   */
  record File(String name, String size, String url) {
    static File of(Message.Attachment a) {
      String url = a.url();
      boolean web = url != null && (url.startsWith("https://") || url.startsWith("http://"));
      return new File(a.name(), size(a.size()), web ? url : null);
    }

    static String size(Long bytes) {
      if (bytes == null) return null;
      if (bytes < 1024) return bytes + " B";
      if (bytes < 1024 * 1024) return Math.round(bytes / 1024.0) + " KB";
      return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
  }

  static TranscriptView of(Conversations.Transcript transcript) {
    List<Item> items = new ArrayList<>();
    int i = 0;
    for (Conversations.StoredMessage m : transcript.messages()) {
      String kind;
      String label;
      if (!m.publicMessage()) {
        kind = "internal";
        label = "AGENT".equals(m.authorKind()) ? "Internal note" : "Internal note · system";
      } else if ("CUSTOMER".equals(m.authorKind())) {
        kind = "customer";
        label = "Customer";
      } else if ("AGENT".equals(m.authorKind())) {
        kind = "agent";
        label = "Agent";
      } else {
        kind = "system";
        label = "System or bot";
      }
      String iso = Instant.ofEpochMilli(m.createdAt()).toString();
      items.add(
          new Item(
              i++,
              kind,
              label,
              PanelView.instant(m.createdAt()),
              iso,
              AutoQaFeature.readableText(m.text(), m.html()),
              m.attachments().stream().map(File::of).toList(),
              m.truncated()));
    }
    return new TranscriptView(List.copyOf(items), transcript.omitted());
  }
}
