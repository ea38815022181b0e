package io.qccompanion.server.users;

import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.domain.Forbidden;
import io.qccompanion.server.domain.Invalid;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Object-level team scope for records about one agent (coaching, plans, training, escalations): a
 * team-scoped manager or lead acts only on agents of their teams; an agent only on themselves.
 */
public final class AgentScope {
  private AgentScope() {}

  /**
   * The team of {@code agentId} when {@code p} may act on that agent; 400 naming {@code field} when
   * the agent does not exist, 403 when it is outside the caller's teams.
   */
  public static Optional<String> require(Handle h, Principal p, String agentId, String field) {
    if (agentId == null) throw Invalid.malformed(field, field.substring(1) + " is required");
    Optional<Optional<String>> team =
        h.createQuery("SELECT team_id FROM agents WHERE id = :id")
            .bind("id", agentId)
            .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
            .findOne();
    if (team.isEmpty()) throw Invalid.malformed(field, "no agent '" + agentId + "'");
    if (!sees(p, agentId, team.get().orElse(null)))
      throw new Forbidden("agent '" + agentId + "' is outside your teams");
    return team.get();
  }

  /** Whether {@code p} may see a record of {@code agentId} in {@code teamId}. */
  public static boolean sees(Principal p, String agentId, String teamId) {
    if (p.role() == Role.AGENT) return agentId != null && agentId.equals(p.agentId());
    return p.seesTeam(teamId);
  }
}
