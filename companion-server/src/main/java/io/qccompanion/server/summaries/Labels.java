package io.qccompanion.server.summaries;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Display names (and agents' teams) for group keys. */
final class Labels {
  private Labels() {}

  /** Name by id in {@code table} (agents, teams, users, scorecards, connections). */
  static Map<String, String> names(Handle h, String table, Collection<String> ids) {
    Map<String, String> out = new HashMap<>();
    if (table == null || ids.isEmpty()) return out;
    List<String> list = List.copyOf(ids);
    for (int i = 0; i < list.size(); i += 500) {
      h.createQuery("SELECT id, name FROM " + table + " WHERE id IN (<ids>)")
          .bindList("ids", list.subList(i, Math.min(list.size(), i + 500)))
          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
          .forEach(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** Current team of each agent. */
  static Map<String, String> teamsOfAgents(Handle h, Collection<String> ids) {
    Map<String, String> out = new HashMap<>();
    List<String> list = List.copyOf(ids);
    for (int i = 0; i < list.size(); i += 500) {
      h.createQuery("SELECT id, team_id FROM agents WHERE id IN (<ids>)")
          .bindList("ids", list.subList(i, Math.min(list.size(), i + 500)))
          .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
          .forEach(r -> out.put(r[0], r[1]));
    }
    return out;
  }
}
