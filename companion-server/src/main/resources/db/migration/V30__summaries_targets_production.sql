-- KPI targets, production exceptions and the incrementally maintained agent x week quality
-- aggregate the summaries read. Weeks start on Monday 00:00 UTC (epoch millis).

-- Targets per team; scope '*' is the organisation default.
CREATE TABLE kpi_targets (
  scope               TEXT PRIMARY KEY,
  quality_percent     DOUBLE PRECISION NOT NULL,
  csat_percent        DOUBLE PRECISION NOT NULL,
  fcr_percent         DOUBLE PRECISION NOT NULL,
  aht_minutes         DOUBLE PRECISION NOT NULL,
  production_per_day  DOUBLE PRECISION NOT NULL,
  shift_hours         DOUBLE PRECISION NOT NULL,
  working_days        TEXT NOT NULL,
  updated_at          BIGINT NOT NULL,
  updated_by          TEXT REFERENCES users (id)
);

-- Hours an agent could not work on tickets (entered by a manager); reduce the production target.
CREATE TABLE production_exceptions (
  id          TEXT PRIMARY KEY,
  agent_id    TEXT NOT NULL REFERENCES agents (id),
  team_id     TEXT REFERENCES teams (id),
  day         TEXT NOT NULL,
  kind        TEXT NOT NULL,
  hours       DOUBLE PRECISION NOT NULL,
  note        TEXT,
  created_by  TEXT REFERENCES users (id),
  created_at  BIGINT NOT NULL
);
CREATE INDEX production_exceptions_agent_day ON production_exceptions (agent_id, day);
CREATE INDEX production_exceptions_team_day ON production_exceptions (team_id, day);

-- What each counted evaluation contributed to agent_week_quality, so a retraction subtracts
-- exactly what was added even after the evaluation row changed or was purged.
CREATE TABLE quality_contributions (
  evaluation_id  TEXT PRIMARY KEY,
  agent_id       TEXT NOT NULL,
  team_id        TEXT NOT NULL,
  week_start     BIGINT NOT NULL,
  score          DOUBLE PRECISION NOT NULL,
  passed         INTEGER NOT NULL,
  critical       INTEGER NOT NULL,
  band           INTEGER NOT NULL
);

-- Sum of counted (REGULAR, submitted) evaluations per agent, team ('' = none) and week.
CREATE TABLE agent_week_quality (
  week_start  BIGINT NOT NULL,
  team_id     TEXT NOT NULL,
  agent_id    TEXT NOT NULL,
  n           BIGINT NOT NULL,
  score_sum   DOUBLE PRECISION NOT NULL,
  passed_n    BIGINT NOT NULL,
  critical_n  BIGINT NOT NULL,
  band0_n     BIGINT NOT NULL,
  band1_n     BIGINT NOT NULL,
  band2_n     BIGINT NOT NULL,
  band3_n     BIGINT NOT NULL,
  band4_n     BIGINT NOT NULL,
  PRIMARY KEY (week_start, team_id, agent_id)
);
-- Covering: the summary reads these indexes only (SQLite would otherwise fetch every row).
CREATE INDEX agent_week_quality_team ON agent_week_quality
  (team_id, week_start, agent_id, n, score_sum, passed_n, critical_n,
   band0_n, band1_n, band2_n, band3_n, band4_n);
CREATE INDEX agent_week_quality_week ON agent_week_quality
  (week_start, agent_id, team_id, n, score_sum, passed_n, critical_n,
   band0_n, band1_n, band2_n, band3_n, band4_n);
CREATE INDEX agent_week_quality_agent ON agent_week_quality (agent_id, week_start);

-- Covering indexes for summaries computed from scratch (custom ranges, other groupings).
CREATE INDEX evaluations_team_kpi
  ON evaluations (team_id, submitted_at, kind, status, agent_id, score, passed, critical_fail);
CREATE INDEX evaluations_submitted_kpi
  ON evaluations (submitted_at, kind, status, team_id, agent_id, score, passed, critical_fail);
CREATE INDEX tickets_team_solved_kpi
  ON tickets (team_id, solved_at, agent_id, csat_rating, reopen_count, handle_time_seconds);
