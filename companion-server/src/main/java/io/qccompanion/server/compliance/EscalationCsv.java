package io.qccompanion.server.compliance;

import io.qccompanion.server.csv.Csv;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The escalations export a compliance officer reads without joins: agent, team and owner by name,
 * the ticket by its key and subject (empty once retention has anonymised the ticket), and times in
 * the reader's zone, written through the one {@link Csv} writer.
 */
final class EscalationCsv {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private EscalationCsv() {}

  /** The header; time columns name the zone they are written in. */
  static List<String> header(ZoneId zone) {
    String z = " (" + zone.getId() + ")";
    return List.of(
        "escalation",
        "severity",
        "status",
        "overdue",
        "reason",
        "agent",
        "team",
        "owner",
        "ticket",
        "ticketSubject",
        "evaluation",
        "due" + z,
        "raised" + z,
        "resolved" + z,
        "resolutionNotes");
  }

  /** The whole file: header and one line per escalation. */
  static String write(Handle h, List<Escalation> rows, ZoneId zone) {
    Map<String, String> agents = names(h, "agents", rows, Escalation::agentId);
    Map<String, String> teams = names(h, "teams", rows, Escalation::teamId);
    Map<String, String> owners = names(h, "users", rows, Escalation::ownerId);
    Map<String, String[]> tickets = tickets(h, rows);
    StringBuilder out = new StringBuilder(Csv.line(header(zone)));
    for (Escalation e : rows) {
      String[] ticket = tickets.getOrDefault(e.ticketId(), new String[] {e.ticketId(), null});
      out.append(
          Csv.line(
              Arrays.asList(
                  e.id(),
                  e.severity(),
                  e.status(),
                  e.overdue() ? "yes" : "no",
                  e.reason(),
                  agents.get(e.agentId()),
                  teams.get(e.teamId()),
                  owners.get(e.ownerId()),
                  ticket[0],
                  ticket[1],
                  e.evaluationId(),
                  local(e.dueAt(), zone),
                  local(e.createdAt(), zone),
                  local(e.resolvedAt(), zone),
                  e.resolutionNotes())));
    }
    return out.toString();
  }

  static String local(Instant at, ZoneId zone) {
    return at == null ? null : LOCAL.format(at.atZone(zone));
  }

  private static Map<String, String> names(
      Handle h, String table, List<Escalation> rows, Function<Escalation, String> id) {
    Set<String> ids = ids(rows, id);
    Map<String, String> out = new HashMap<>();
    if (ids.isEmpty()) return out;
    h.createQuery("SELECT id, name FROM " + table + " WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static Map<String, String[]> tickets(Handle h, List<Escalation> rows) {
    Set<String> ids = ids(rows, Escalation::ticketId);
    Map<String, String[]> out = new HashMap<>();
    if (ids.isEmpty()) return out;
    h.createQuery(
            "SELECT id, COALESCE(ticket_key, external_id), subject FROM tickets WHERE id IN (<ids>)")
        .bindList("ids", List.copyOf(ids))
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .forEach(r -> out.put(r[0], new String[] {r[1], r[2]}));
    return out;
  }

  private static Set<String> ids(List<Escalation> rows, Function<Escalation, String> id) {
    Set<String> ids = new LinkedHashSet<>();
    for (Escalation e : rows) if (id.apply(e) != null) ids.add(id.apply(e));
    return ids;
  }
}
