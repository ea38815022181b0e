package io.qccompanion.server.summaries;

import io.qccompanion.server.domain.Invalid;
import java.util.Locale;

/**
 * How summary rows are grouped. Each grouping names its key on evaluations ({@code ev}, joined with
 * tickets {@code t} and scorecard versions {@code sv}) and, where ticket KPIs make sense, on
 * tickets ({@code t}); null means not applicable.
 */
public enum GroupBy {
  NONE("''", "''", null),
  AGENT("ev.agent_id", "t.agent_id", "agents"),
  TEAM("ev.team_id", "t.team_id", "teams"),
  QC("ev.qc_id", null, "users"),
  SCORECARD("sv.scorecard_id", null, "scorecards"),
  CRITERION("a.criterion_id", null, null),
  ROOT_CAUSE(null, null, null),
  CONNECTION("t.connection_id", "t.connection_id", "connections"),
  HOST("t.host", "t.host", null);

  final String evaluationKey;
  final String ticketKey;
  final String labelTable;

  GroupBy(String evaluationKey, String ticketKey, String labelTable) {
    this.evaluationKey = evaluationKey;
    this.ticketKey = ticketKey;
    this.labelTable = labelTable;
  }

  /** Reads {@code agent|team|qc|scorecard|criterion|rootCause|connection|host|none}. */
  public static GroupBy parse(String text) {
    if (text == null || text.isBlank()) return NONE;
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "none" -> NONE;
      case "agent" -> AGENT;
      case "team" -> TEAM;
      case "qc" -> QC;
      case "scorecard" -> SCORECARD;
      case "criterion" -> CRITERION;
      case "rootcause", "root_cause" -> ROOT_CAUSE;
      case "connection" -> CONNECTION;
      case "host" -> HOST;
      default ->
          throw Invalid.malformed(
              "groupBy",
              "groupBy must be one of agent, team, qc, scorecard, criterion, rootCause, connection,"
                  + " host, none");
    };
  }

  /** The query-parameter spelling. */
  public String param() {
    return this == ROOT_CAUSE ? "rootCause" : name().toLowerCase(Locale.ROOT);
  }

  /** GROUP BY / PARTITION BY list with the slot column (PostgreSQL rejects constant keys). */
  static String groupList(String key) {
    return key.equals("''") ? "b.k" : key + ", b.k";
  }

  boolean needsTickets() {
    return this == CONNECTION || this == HOST;
  }
}
