package io.qccompanion.server.autoqa;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.qccompanion.server.audit.AuditLog;
import io.qccompanion.server.auth.Authenticator;
import io.qccompanion.server.auth.Principal;
import io.qccompanion.server.auth.Role;
import io.qccompanion.server.store.Database;
import io.qccompanion.server.web.Bodies;
import java.time.Clock;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * {@code /api/v1/autoqa/teams/{teamId}/rules}: a team's AutoQA rules (SLA targets, product
 * dictionary, process rules). Admins read and replace any team's; managers and QC leads those of
 * their teams (an unscoped one: every team). A replacement is validated, audited, and re-scores the
 * team's tickets (their rule-set version changes).
 */
final class TeamRulesRoutes {
  private static final Role[] LEADS = {Role.ADMIN, Role.MANAGER, Role.QC_LEAD};

  private final Database db;
  private final TeamRuleStore store;
  private final AutoQa engine;
  private final AuditLog audit;
  private final Clock clock;

  TeamRulesRoutes(Database db, TeamRuleStore store, AutoQa engine, AuditLog audit, Clock clock) {
    this.db = db;
    this.store = store;
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A team's rules in effect.
   *
   * @param inherited true when the team has none of its own and the SOP defaults apply
   * @param ruleSetVersion the version its tickets are scored with
   * @param updatedAt null when inherited
   */
  record TeamRulesView(
      String teamId,
      boolean inherited,
      String ruleSetVersion,
      Instant updatedAt,
      String updatedBy,
      TeamRuleSettings rules) {}

  void register(RoutesConfig r) {
    r.get("/api/v1/autoqa/teams/{teamId}/rules", this::get, LEADS);
    r.put("/api/v1/autoqa/teams/{teamId}/rules", this::put, LEADS);
  }

  private void get(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String teamId = ctx.pathParam("teamId");
    ctx.json(
        db.read(
            h -> {
              Authenticator.requireTeam(h, p, teamId);
              return view(h, teamId);
            }));
  }

  private void put(Context ctx) {
    Principal p = Authenticator.principal(ctx);
    String teamId = ctx.pathParam("teamId");
    TeamRuleSettings body = Bodies.read(ctx, TeamRuleSettings.class);
    body.toRules(); // validates before anything is read or written
    ctx.json(
        db.write(
            h -> {
              Authenticator.requireTeam(h, p, teamId);
              TeamRulesView before = view(h, teamId);
              store.put(h, teamId, body, p.userId(), clock.instant());
              TeamRulesView after = view(h, teamId);
              audit.record(
                  h, p.userId(), "autoqa_team_rules.update", "team", teamId, before, after);
              return after;
            }));
  }

  private TeamRulesView view(Handle h, String teamId) {
    return store
        .find(h, teamId)
        .map(
            s ->
                new TeamRulesView(
                    teamId,
                    false,
                    engine.ruleSetVersion(s.settings().toRules()),
                    s.updatedAt(),
                    s.updatedBy(),
                    s.settings()))
        .orElseGet(
            () ->
                new TeamRulesView(
                    teamId,
                    true,
                    engine.ruleSetVersion(TeamRules.DEFAULTS),
                    null,
                    null,
                    TeamRuleSettings.DEFAULTS));
  }
}
