package io.qccompanion.server.summaries;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.HttpProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** {@code GET /api/v1/feedback/summary}: an agent's own figures (others name the agent). */
final class AgentHomeRoutes {
  private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);
  private final Database db;
  private final AgentHome home;
  private final Clock clock;

  public AgentHomeRoutes(Database db, KpiTargets targets, Clock clock) {
    this.db = db;
    this.home = new AgentHome(targets);
    this.clock = clock;
  }

  public void register(RoutesConfig r) {
    r.get("/api/v1/feedback/summary", this::summary, Role.ANYONE);
  }

  void summary(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String agentId = p.role() == Role.AGENT ? p.agentId() : ctx.queryParam("agentId");
    if (agentId == null || agentId.isBlank())
      throw HttpProblem.invalid("agentId", "agentId is required");
    Instant from = from(ctx.queryParam("from"));
    ctx.json(
        db.read(
            h -> {
              String team =
                  (String)
                      h.createQuery("SELECT team_id FROM agents WHERE id = ?")
                          .bind(0, agentId)
                          .mapToMap()
                          .findOne()
                          .orElseThrow(() -> HttpProblem.notFound("agent", agentId))
                          .get("team_id");
              if (p.role() != Role.AGENT && !p.seesTeam(team))
                throw HttpProblem.notFound("agent", agentId);
              return home.of(h, agentId, from);
            }));
  }

  private Instant from(String value) {
    if (value == null || value.isBlank()) return clock.instant().minus(DEFAULT_PERIOD);
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw HttpProblem.invalid("from", "from must be an ISO-8601 instant");
    }
  }
}
