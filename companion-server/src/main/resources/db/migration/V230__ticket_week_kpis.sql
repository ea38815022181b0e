-- Ticket KPIs of solved tickets per week (Monday 00:00 UTC), team and agent ('' = none): counts,
-- sums and every handle time of the cell (ascending, comma-separated), so the summary reads about
-- one row per agent and week instead of every ticket and still gets exact nearest-rank
-- percentiles. V231 (per database, in db/vendor) adds ticket_kpi_changes and the triggers that
-- append the cell of every ticket or evaluation write that can change it; TicketKpis folds those
-- cells back in (before a summary is read, and every minute).
CREATE TABLE ticket_week_kpis (
  week_start      BIGINT NOT NULL,
  team_id         TEXT NOT NULL,
  agent_id        TEXT NOT NULL,
  closed          BIGINT NOT NULL,
  rated           BIGINT NOT NULL,
  good            BIGINT NOT NULL,
  first_contact   BIGINT NOT NULL,
  handled         BIGINT NOT NULL,
  handle_sum      BIGINT NOT NULL,
  evaluated       BIGINT NOT NULL,
  handle_seconds  TEXT NOT NULL,
  PRIMARY KEY (week_start, team_id, agent_id)
);
CREATE INDEX ticket_week_kpis_team ON ticket_week_kpis (team_id, week_start);
CREATE INDEX ticket_week_kpis_agent ON ticket_week_kpis (agent_id, week_start);
