package io.qccompanion.server.autoqa;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The rules every ticket is scored with, read once per batch: those of the team of the ticket's
 * agent (the ticket's own team when it has no agent or the agent no team), else the defaults; and
 * the rule-set version each gives, so that SQL can tell a result scored with other rules.
 */
final class RuleBook {
  /** The team whose rules score a ticket, for queries that join {@link #JOIN_AGENT}. */
  static final String TICKET_TEAM = "COALESCE(ag.team_id, t.team_id)";

  static final String JOIN_AGENT = "LEFT JOIN agents ag ON ag.id = t.agent_id";

  private final AutoQa engine;
  private final TeamRules defaults;
  private final Map<String, TeamRules> byTeam;
  private final String defaultVersion;

  private RuleBook(AutoQa engine, TeamRules defaults, Map<String, TeamRules> byTeam) {
    this.engine = engine;
    this.defaults = defaults;
    this.byTeam = byTeam;
    this.defaultVersion = engine.ruleSetVersion(defaults);
  }

  /** The same rules for every team. */
  static RuleBook fixed(AutoQa engine, TeamRules rules) {
    return new RuleBook(engine, rules, Map.of());
  }

  /** The stored rules of every team, {@code defaults} for the others. */
  static RuleBook load(Handle h, TeamRuleStore store, AutoQa engine, TeamRules defaults) {
    Map<String, TeamRules> byTeam = new LinkedHashMap<>();
    for (TeamRuleStore.Stored s : store.all(h)) byTeam.put(s.teamId(), s.settings().toRules());
    return new RuleBook(engine, defaults, byTeam);
  }

  TeamRules rules(String teamId) {
    return teamId == null ? defaults : byTeam.getOrDefault(teamId, defaults);
  }

  String version(String teamId) {
    return engine.ruleSetVersion(rules(teamId));
  }

  /** The version of teams without rules of their own. */
  String defaultVersion() {
    return defaultVersion;
  }

  /**
   * A SQL expression for the rule-set version a ticket should be scored with ({@link #TICKET_TEAM}
   * in the query); bind its parameters with {@link #bind}.
   */
  String expectedVersionSql() {
    StringBuilder sql = new StringBuilder("CASE " + TICKET_TEAM);
    int i = 0;
    for (String team : byTeam.keySet()) {
      sql.append(" WHEN :rb_team_").append(i).append(" THEN :rb_version_").append(i);
      i++;
    }
    return i == 0 ? ":rb_default" : sql.append(" ELSE :rb_default END").toString();
  }

  <S extends SqlStatement<S>> S bind(S statement) {
    statement.bind("rb_default", defaultVersion);
    int i = 0;
    for (var e : byTeam.entrySet()) {
      statement.bind("rb_team_" + i, e.getKey());
      statement.bind("rb_version_" + i, engine.ruleSetVersion(e.getValue()));
      i++;
    }
    return statement;
  }
}
