package io.qccompanion.server.pages;

import io.qccompanion.server.autoqa.AutoQa;
import io.qccompanion.server.conversations.Conversations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
      List<String> attachments,
      boolean truncated) {}

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
              AutoQa.readableText(m.text(), m.html()),
              m.attachmentNames(),
              m.truncated()));
    }
    return new TranscriptView(List.copyOf(items), transcript.omitted());
  }
}
