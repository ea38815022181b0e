package io.qccompanion.server.sampling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Hands unassigned open samples to QCs (role QC or QC_LEAD, active): the QC with the lowest load
 * relative to weekly capacity gets the next item (ties: fewer open items, then user id); never a
 * QC's own ticket; only QCs whose team scope includes the item's team (empty scope = all teams).
 */
final class Assigner {

  /** An item no QC could take, with why. */
  public record Unassigned(String sampleId, String ticketId, String agentId, String reason) {}

  /** What {@link #assignOpen} did. */
  public record Report(int assigned, List<Unassigned> unassigned) {}

  /** A QC with their scope and open load. */
  record Qc(String id, String agentId, int capacity, Set<String> teams, int[] load) {
    boolean covers(String teamId) {
      return teams.isEmpty() || (teamId != null && teams.contains(teamId));
    }

    double ratio() {
      return (load[0] + 1.0) / capacity;
    }
  }

  record Item(String id, String ticketId, String agentId, String teamId) {}

  /** Assigns every unassigned open sample it can, in due-date order; reports the rest. */
  public Report assignOpen(Handle h) {
    List<Qc> qcs = qcs(h);
    List<Item> items =
        h.createQuery(
                "SELECT d.id, d.ticket_id, d.agent_id, d.team_id FROM sample_decisions d"
                    + " WHERE d.assigned_qc_id IS NULL AND "
                    + SampleStatus.OPEN_WORK
                    + " ORDER BY d.due_at, d.id")
            .map(
                (rs, ctx) ->
                    new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
            .list();
    int assigned = 0;
    List<Unassigned> unassigned = new ArrayList<>();
    for (Item item : items) {
      Set<String> ticketAgents = ticketAgents(h, item);
      List<Qc> inScope = qcs.stream().filter(q -> q.covers(item.teamId())).toList();
      List<Qc> notOwn =
          inScope.stream()
              .filter(q -> q.agentId() == null || !ticketAgents.contains(q.agentId()))
              .toList();
      Optional<Qc> best =
          notOwn.stream()
              .filter(q -> q.load()[0] < q.capacity())
              .min(
                  Comparator.comparingDouble(Qc::ratio)
                      .thenComparingInt(q -> q.load()[0])
                      .thenComparing(Qc::id));
      if (best.isEmpty()) {
        String why =
            qcs.isEmpty()
                ? "no active QC"
                : inScope.isEmpty()
                    ? "no QC covers team " + item.teamId()
                    : notOwn.isEmpty()
                        ? "only QCs who worked the ticket"
                        : "all eligible QCs at capacity";
        unassigned.add(new Unassigned(item.id(), item.ticketId(), item.agentId(), why));
        continue;
      }
      Qc qc = best.get();
      h.createUpdate("UPDATE sample_decisions SET assigned_qc_id = :qc WHERE id = :id")
          .bind("qc", qc.id())
          .bind("id", item.id())
          .execute();
      qc.load()[0]++;
      assigned++;
    }
    return new Report(assigned, unassigned);
  }

  private static Set<String> ticketAgents(Handle h, Item item) {
    Set<String> agents =
        new HashSet<>(
            h.createQuery("SELECT agent_id FROM ticket_agents WHERE ticket_id = :t")
                .bind("t", item.ticketId())
                .mapTo(String.class)
                .list());
    agents.add(item.agentId());
    h.createQuery("SELECT agent_id FROM tickets WHERE id = :t AND agent_id IS NOT NULL")
        .bind("t", item.ticketId())
        .mapTo(String.class)
        .findOne()
        .ifPresent(agents::add);
    return agents;
  }

  private static List<Qc> qcs(Handle h) {
    Map<String, Set<String>> scopes = new HashMap<>();
    h.createQuery("SELECT user_id, team_id FROM user_teams")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(e -> scopes.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
    Map<String, Integer> load = new HashMap<>();
    h.createQuery(
            "SELECT d.assigned_qc_id, COUNT(*) FROM sample_decisions d WHERE d.assigned_qc_id IS NOT"
                + " NULL AND "
                + SampleStatus.OPEN_WORK
                + " GROUP BY d.assigned_qc_id")
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
        .forEach(e -> load.put(e.getKey(), e.getValue()));
    return h.createQuery(
            """
            SELECT id, agent_id, weekly_capacity FROM users
            WHERE active = 1 AND role IN ('QC', 'QC_LEAD') AND weekly_capacity > 0 ORDER BY id""")
        .map(
            (rs, ctx) ->
                new Qc(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    scopes.getOrDefault(rs.getString(1), Set.of()),
                    new int[] {load.getOrDefault(rs.getString(1), 0)}))
        .list();
  }
}
