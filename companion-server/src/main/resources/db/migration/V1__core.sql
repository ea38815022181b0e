-- Core schema. Portable between SQLite and PostgreSQL: TEXT ids (time-ordered UUIDs),
-- BIGINT epoch milliseconds for instants, INTEGER 0/1 for booleans, TEXT JSON for nested values,
-- DOUBLE PRECISION for decimals (REAL would be 4-byte float4 on PostgreSQL).

CREATE TABLE teams (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  created_at  BIGINT NOT NULL
);

CREATE TABLE agents (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  email       TEXT,
  team_id     TEXT REFERENCES teams (id),
  active      INTEGER NOT NULL DEFAULT 1,
  started_at  BIGINT NOT NULL,
  created_at  BIGINT NOT NULL
);
CREATE INDEX agents_team ON agents (team_id);

CREATE TABLE users (
  id             TEXT PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  role           TEXT NOT NULL,
  password_hash  TEXT,
  agent_id       TEXT REFERENCES agents (id),
  weekly_capacity INTEGER NOT NULL DEFAULT 40,
  active         INTEGER NOT NULL DEFAULT 1,
  created_at     BIGINT NOT NULL
);

-- Teams a manager, QC lead or QC works for; empty means all teams.
CREATE TABLE user_teams (
  user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  team_id  TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, team_id)
);

CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token  TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);

CREATE TABLE api_tokens (
  id          TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  BIGINT NOT NULL,
  last_used_at BIGINT,
  revoked_at  BIGINT
);

CREATE TABLE connections (
  id                  TEXT PRIMARY KEY,
  name                TEXT NOT NULL UNIQUE,
  host                TEXT NOT NULL,
  base_url            TEXT NOT NULL,
  auth_kind           TEXT NOT NULL,
  username            TEXT,
  secret_enc          TEXT NOT NULL,
  webhook_secret_enc  TEXT,
  closed_statuses     TEXT NOT NULL,
  options             TEXT NOT NULL,
  start_from          BIGINT NOT NULL,
  interval_seconds    INTEGER NOT NULL,
  attribution         TEXT NOT NULL,
  status              TEXT NOT NULL,
  paused_reason       TEXT,
  created_at          BIGINT NOT NULL,
  updated_at          BIGINT NOT NULL
);

CREATE TABLE sync_state (
  connection_id         TEXT PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
  checkpoint            TEXT,
  checkpoint_at         BIGINT,
  last_run_at           BIGINT,
  last_success_at       BIGINT,
  last_error            TEXT,
  consecutive_failures  INTEGER NOT NULL DEFAULT 0,
  tickets_total         BIGINT NOT NULL DEFAULT 0,
  last_run_tickets      INTEGER NOT NULL DEFAULT 0,
  requested_at          BIGINT,
  lease_owner           TEXT,
  lease_until           BIGINT
);

-- Host identities of agents, users and teams, per connection.
CREATE TABLE host_identities (
  connection_id  TEXT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL,
  host_id        TEXT NOT NULL,
  local_id       TEXT NOT NULL,
  PRIMARY KEY (connection_id, kind, host_id)
);
CREATE INDEX host_identities_local ON host_identities (kind, local_id);

CREATE TABLE tickets (
  id                  TEXT PRIMARY KEY,
  connection_id       TEXT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  host                TEXT NOT NULL,
  external_id         TEXT NOT NULL,
  ticket_key          TEXT,
  subject             TEXT,
  status              TEXT,
  channel             TEXT,
  priority            TEXT,
  agent_id            TEXT REFERENCES agents (id),
  team_id             TEXT REFERENCES teams (id),
  created_at          BIGINT,
  updated_at          BIGINT NOT NULL,
  solved_at           BIGINT,
  reopen_count        INTEGER NOT NULL DEFAULT 0,
  reply_count         INTEGER NOT NULL DEFAULT 0,
  handle_time_seconds BIGINT,
  first_reply_minutes BIGINT,
  resolution_minutes  BIGINT,
  csat_rating         TEXT NOT NULL,
  csat_score          INTEGER,
  csat_comment        TEXT,
  url                 TEXT,
  payload             TEXT NOT NULL,
  ingested_at         BIGINT NOT NULL,
  UNIQUE (connection_id, external_id)
);
CREATE INDEX tickets_agent_solved ON tickets (agent_id, solved_at);
CREATE INDEX tickets_team_solved ON tickets (team_id, solved_at);
CREATE INDEX tickets_solved ON tickets (solved_at);

-- Every agent a ticket is attributed to (one for assignee rules, several for "every replier").
CREATE TABLE ticket_agents (
  ticket_id  TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  agent_id   TEXT NOT NULL REFERENCES agents (id),
  PRIMARY KEY (ticket_id, agent_id)
);
CREATE INDEX ticket_agents_agent ON ticket_agents (agent_id);

CREATE TABLE audit_events (
  id           TEXT PRIMARY KEY,
  at           BIGINT NOT NULL,
  actor_id     TEXT,
  action       TEXT NOT NULL,
  entity_type  TEXT NOT NULL,
  entity_id    TEXT,
  before_json  TEXT,
  after_json   TEXT
);
CREATE INDEX audit_events_at ON audit_events (at);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);
