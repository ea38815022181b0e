-- Scorecards, evaluations, write-back outbox and sampling decisions: the tables the
-- scoring, sampling and summary features share.

CREATE TABLE scorecards (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  description  TEXT,
  team_id      TEXT REFERENCES teams (id),
  channel      TEXT,
  tag          TEXT,
  is_default   INTEGER NOT NULL DEFAULT 0,
  pass_mark    DOUBLE PRECISION NOT NULL DEFAULT 90,
  draft        TEXT NOT NULL,
  archived     INTEGER NOT NULL DEFAULT 0,
  created_at   BIGINT NOT NULL,
  updated_at   BIGINT NOT NULL
);

-- Published versions are immutable; evaluations point at the version they were graded on.
CREATE TABLE scorecard_versions (
  id            TEXT PRIMARY KEY,
  scorecard_id  TEXT NOT NULL REFERENCES scorecards (id),
  version       INTEGER NOT NULL,
  definition    TEXT NOT NULL,
  published_at  BIGINT NOT NULL,
  published_by  TEXT REFERENCES users (id),
  UNIQUE (scorecard_id, version)
);

CREATE TABLE evaluations (
  id                    TEXT PRIMARY KEY,
  ticket_id             TEXT NOT NULL REFERENCES tickets (id),
  agent_id              TEXT REFERENCES agents (id),
  team_id               TEXT REFERENCES teams (id),
  scorecard_version_id  TEXT NOT NULL REFERENCES scorecard_versions (id),
  qc_id                 TEXT NOT NULL REFERENCES users (id),
  kind                  TEXT NOT NULL,
  status                TEXT NOT NULL,
  revision              INTEGER NOT NULL DEFAULT 1,
  score                 DOUBLE PRECISION,
  passed                INTEGER,
  critical_fail         INTEGER NOT NULL DEFAULT 0,
  answers               TEXT NOT NULL,
  overall_comment       TEXT,
  coaching_note         TEXT,
  created_at            BIGINT NOT NULL,
  updated_at            BIGINT NOT NULL,
  submitted_at          BIGINT
);
CREATE INDEX evaluations_ticket ON evaluations (ticket_id);
CREATE INDEX evaluations_agent_submitted ON evaluations (agent_id, submitted_at);
CREATE INDEX evaluations_team_submitted ON evaluations (team_id, submitted_at);
CREATE INDEX evaluations_qc ON evaluations (qc_id, status);

-- Every submitted revision, kept when a dispute amends an evaluation.
CREATE TABLE evaluation_revisions (
  evaluation_id  TEXT NOT NULL REFERENCES evaluations (id),
  revision       INTEGER NOT NULL,
  score          DOUBLE PRECISION,
  passed         INTEGER,
  critical_fail  INTEGER NOT NULL,
  answers        TEXT NOT NULL,
  overall_comment TEXT,
  coaching_note  TEXT,
  created_at     BIGINT NOT NULL,
  created_by     TEXT REFERENCES users (id),
  reason         TEXT,
  PRIMARY KEY (evaluation_id, revision)
);

-- Per-criterion results of the current submitted revision (criterion and root-cause summaries).
CREATE TABLE evaluation_answers (
  evaluation_id  TEXT NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
  criterion_id   TEXT NOT NULL,
  section        TEXT NOT NULL,
  criterion      TEXT NOT NULL,
  points         DOUBLE PRECISION,
  max_points     DOUBLE PRECISION NOT NULL,
  not_applicable INTEGER NOT NULL,
  failed         INTEGER NOT NULL,
  critical       INTEGER NOT NULL,
  root_causes    TEXT NOT NULL,
  PRIMARY KEY (evaluation_id, criterion_id)
);
CREATE INDEX evaluation_answers_criterion ON evaluation_answers (criterion_id, failed);

-- Write-back outbox: one row per evaluation revision, claimed by workers with a lease.
CREATE TABLE outbox (
  id               TEXT PRIMARY KEY,
  evaluation_id    TEXT NOT NULL REFERENCES evaluations (id),
  revision         INTEGER NOT NULL,
  connection_id    TEXT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  idempotency_key  TEXT NOT NULL UNIQUE,
  status           TEXT NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  outcome_unknown  INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  BIGINT NOT NULL,
  lease_owner      TEXT,
  lease_until      BIGINT,
  outcome          TEXT,
  detail           TEXT,
  host_reference   TEXT,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- Sampling policy per team (team_id NULL row = organisation default), JSON config.
CREATE TABLE sampling_policies (
  id          TEXT PRIMARY KEY,
  team_id     TEXT UNIQUE REFERENCES teams (id),
  config      TEXT NOT NULL,
  updated_at  BIGINT NOT NULL,
  updated_by  TEXT REFERENCES users (id)
);

CREATE TABLE sample_decisions (
  id              TEXT PRIMARY KEY,
  ticket_id       TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  agent_id        TEXT REFERENCES agents (id),
  team_id         TEXT REFERENCES teams (id),
  selected        INTEGER NOT NULL,
  tier            TEXT,
  reasons         TEXT NOT NULL,
  stratum         TEXT,
  assigned_qc_id  TEXT REFERENCES users (id),
  due_at          BIGINT,
  status          TEXT NOT NULL,
  replaced_by     TEXT,
  replace_reason  TEXT,
  week_start      BIGINT NOT NULL,
  decided_at      BIGINT NOT NULL,
  UNIQUE (ticket_id, agent_id)
);
CREATE INDEX sample_decisions_queue ON sample_decisions (assigned_qc_id, status, due_at);
CREATE INDEX sample_decisions_agent_week ON sample_decisions (agent_id, week_start);
