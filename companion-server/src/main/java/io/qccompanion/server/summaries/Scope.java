package io.qccompanion.server.summaries;

import io.qccompanion.model.Host;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Forbidden;
import io.qccompanion.server.domain.Invalid;
import io.qccompanion.server.domain.NotFound;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whose data a summary covers, after authorisation.
 *
 * @param teamIds teams to include; null means every team
 * @param agentId one agent, or null
 * @param host a host id (e.g. {@code zendesk}), or null for every host
 */
public record Scope(Set<String> teamIds, String agentId, String host) {
  /** Everything (administrators, benchmarks). */
  public static final Scope ALL = new Scope(null, null, null);

  /**
   * Applies the caller's rights to the requested filters: agents see only themselves; managers and
   * QCs their teams (none listed = all); admins everything.
   *
   * @param teamOfAgent the team of an agent id, or empty when the agent does not exist
   */
  public static Scope resolve(
      Principal p,
      String teamId,
      String agentId,
      String host,
      Function<String, Optional<Optional<String>>> teamOfAgent) {
    if (host != null && !host.isBlank() && !Host.isValid(host))
      throw Invalid.malformed("host", "host must be a host id such as a connection's host");
    String h = host == null || host.isBlank() ? null : host;
    if (p.role() == Role.AGENT) {
      if (p.agentId() == null) throw new Forbidden("this user is not linked to an agent");
      if (agentId != null && !agentId.equals(p.agentId()))
        throw new Forbidden("agents see their own results only");
      if (teamId != null) {
        String own = teamOfAgent.apply(p.agentId()).flatMap(t -> t).orElse(null);
        if (!teamId.equals(own)) throw new Forbidden("agents see their own results only");
      }
      return new Scope(null, p.agentId(), h);
    }
    if (agentId != null) {
      Optional<String> team =
          teamOfAgent.apply(agentId).orElseThrow(() -> new NotFound("agent", agentId));
      boolean visible =
          p.role() == Role.ADMIN
              || p.teamIds().isEmpty()
              || (team.isPresent() && p.seesTeam(team.get()));
      if (!visible) throw new Forbidden("agent '" + agentId + "' is not in your teams");
    }
    Set<String> teams;
    if (teamId != null) {
      if (!p.seesTeam(teamId)) throw new Forbidden("team '" + teamId + "' is not yours");
      teams = Set.of(teamId);
    } else if (p.role() == Role.ADMIN || p.teamIds().isEmpty()) {
      teams = null;
    } else {
      teams = Set.copyOf(p.teamIds());
    }
    return new Scope(teams, agentId, h);
  }

  /** This scope narrowed to one team. */
  public Scope withTeam(String teamId) {
    return new Scope(Set.of(teamId), agentId, host);
  }
}
