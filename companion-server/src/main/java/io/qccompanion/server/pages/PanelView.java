package io.qccompanion.server.pages;

import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.domain.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the scoring panel's template shows of a ticket, formatted for a person: title, host link,
 * why it was sampled, who it is assigned to when that is not the reader, and the ticket facts.
 *
 * @param sampledNote "Sampled: …" with reasons, tier and due date; null when not sampled
 * @param assignedElsewhere the QC the sample is assigned to when that is not the reader, else null
 */
record PanelView(
    String ticketId,
    String title,
    String url,
    String host,
    boolean sampled,
    String sampledNote,
    String assignedElsewhere,
    List<Fact> facts,
    String userId) {

  record Fact(String label, String value) {}

  static PanelView of(Principal p, PanelTicket t) {
    Map<String, Object> k = t.ticket();
    String key =
        k.get("ticket_key") != null ? k.get("ticket_key") + "" : "#" + k.get("external_id");
    String note = null;
    String elsewhere = null;
    if (t.selected()) {
      Map<String, Object> s = t.sample().orElseThrow();
      List<?> reasons = Json.read((String) s.get("reasons"), List.class);
      note = "Sampled: " + String.join(", ", reasons.stream().map(String::valueOf).toList());
      if (s.get("tier") != null) note += " · agent tier " + s.get("tier");
      if (s.get("due_at") != null) note += " · due " + instant(s.get("due_at"));
      Object qc = s.get("assigned_qc_id");
      if (qc != null && !qc.equals(p.userId()))
        elsewhere = String.valueOf(s.get("assigned_qc_name"));
    }
    var facts = new ArrayList<Fact>();
    fact(facts, "Agent", k.get("agent_name"));
    fact(facts, "Team", k.get("team_name"));
    fact(facts, "Channel", k.get("channel"));
    fact(facts, "CSAT", csat(k));
    fact(facts, "Reopened", k.get("reopen_count") + " time(s)");
    fact(facts, "Replies", k.get("reply_count"));
    fact(facts, "Handle time", minutes(k.get("handle_time_seconds")));
    fact(facts, "Solved", k.get("solved_at") == null ? null : instant(k.get("solved_at")));
    return new PanelView(
        t.id(),
        key + " " + (k.get("subject") == null ? "" : k.get("subject")),
        (String) k.get("url"),
        (String) k.get("host"),
        t.selected(),
        note,
        elsewhere,
        List.copyOf(facts),
        p.userId());
  }

  private static void fact(List<Fact> facts, String label, Object value) {
    facts.add(new Fact(label, value == null ? "—" : String.valueOf(value)));
  }

  private static String csat(Map<String, Object> k) {
    String rating = String.valueOf(k.get("csat_rating"));
    if ("null".equals(rating) || "UNOFFERED".equalsIgnoreCase(rating)) return "not rated";
    String text = rating.toLowerCase();
    if (k.get("csat_score") != null) text += " (" + k.get("csat_score") + ")";
    if (k.get("csat_comment") != null) text += " — “" + k.get("csat_comment") + "”";
    return text;
  }

  private static String minutes(Object seconds) {
    if (seconds == null) return null;
    long s = ((Number) seconds).longValue();
    return (s / 60) + " min " + (s % 60) + " s";
  }

  static String instant(Object millis) {
    return Instant.ofEpochMilli(((Number) millis).longValue()).toString().substring(0, 16) + "Z";
  }
}
