package io.qccompanion.server.auth;

import java.util.Set;

/**
 * The authenticated caller.
 *
 * @param agentId the agent this user is, for {@link Role#AGENT} users; else null
 * @param teamIds teams the user is scoped to; empty means every team
 * @param csrfToken the session's CSRF token, or null for API-token callers
 */
public record Principal(
    String userId, String name, Role role, String agentId, Set<String> teamIds, String csrfToken) {

  public boolean is(Role... roles) {
    for (Role r : roles) if (r == role) return true;
    return false;
  }

  /** Whether the user may see data of {@code teamId} (agents: never other teams' data). */
  public boolean seesTeam(String teamId) {
    return role == Role.ADMIN || teamIds.isEmpty() || teamId != null && teamIds.contains(teamId);
  }
}
