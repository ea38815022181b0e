-- QA workflows: feedback and disputes, calibration sessions, compliance escalations, coaching,
-- action plans, training, self-reviews and retention settings.

-- Organisation-wide dispute rules (one row, id 'default').
CREATE TABLE dispute_rules (
  id                  TEXT PRIMARY KEY,
  window_days         INTEGER NOT NULL,
  max_per_evaluation  INTEGER NOT NULL,
  scope               TEXT NOT NULL,
  sla_days            INTEGER NOT NULL,
  updated_at          BIGINT NOT NULL,
  updated_by          TEXT REFERENCES users (id)
);

-- Agent feedback on an evaluation: ACKNOWLEDGE, RESPONSE or DISPUTE (with resolution).
CREATE TABLE feedback (
  id               TEXT PRIMARY KEY,
  evaluation_id    TEXT NOT NULL REFERENCES evaluations (id),
  agent_id         TEXT REFERENCES agents (id),
  team_id          TEXT REFERENCES teams (id),
  qc_id            TEXT REFERENCES users (id),
  kind             TEXT NOT NULL,
  criterion_id     TEXT,
  text             TEXT,
  status           TEXT,
  due_at           BIGINT,
  resolved_by      TEXT REFERENCES users (id),
  resolution       TEXT,
  resolved_at      BIGINT,
  score_before     DOUBLE PRECISION,
  score_after      DOUBLE PRECISION,
  revision_after   INTEGER,
  created_by       TEXT REFERENCES users (id),
  created_at       BIGINT NOT NULL
);
CREATE INDEX feedback_evaluation ON feedback (evaluation_id, kind);
CREATE INDEX feedback_status ON feedback (kind, status, due_at);

CREATE TABLE calibration_sessions (
  id                    TEXT PRIMARY KEY,
  title                 TEXT NOT NULL,
  scorecard_version_id  TEXT NOT NULL REFERENCES scorecard_versions (id),
  status                TEXT NOT NULL,
  notes                 TEXT,
  created_by            TEXT REFERENCES users (id),
  created_at            BIGINT NOT NULL,
  revealed_at           BIGINT
);

CREATE TABLE calibration_tickets (
  session_id  TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
  ticket_id   TEXT NOT NULL REFERENCES tickets (id),
  PRIMARY KEY (session_id, ticket_id)
);

CREATE TABLE calibration_participants (
  session_id  TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
  user_id     TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (session_id, user_id)
);

-- The answer the session agreed on after discussion, per ticket and criterion.
CREATE TABLE calibration_benchmarks (
  session_id      TEXT NOT NULL REFERENCES calibration_sessions (id) ON DELETE CASCADE,
  ticket_id       TEXT NOT NULL,
  criterion_id    TEXT NOT NULL,
  value           DOUBLE PRECISION,
  not_applicable  INTEGER NOT NULL DEFAULT 0,
  note            TEXT,
  recorded_by     TEXT REFERENCES users (id),
  recorded_at     BIGINT NOT NULL,
  PRIMARY KEY (session_id, ticket_id, criterion_id)
);

CREATE TABLE compliance_escalations (
  id                TEXT PRIMARY KEY,
  evaluation_id     TEXT NOT NULL UNIQUE REFERENCES evaluations (id),
  ticket_id         TEXT,
  agent_id          TEXT REFERENCES agents (id),
  team_id           TEXT REFERENCES teams (id),
  severity          TEXT NOT NULL,
  reason            TEXT NOT NULL,
  owner_id          TEXT REFERENCES users (id),
  status            TEXT NOT NULL,
  resolution_notes  TEXT,
  due_at            BIGINT NOT NULL,
  created_at        BIGINT NOT NULL,
  updated_at        BIGINT NOT NULL,
  resolved_at       BIGINT
);
CREATE INDEX compliance_escalations_status ON compliance_escalations (status, due_at);

CREATE TABLE coaching_sessions (
  id               TEXT PRIMARY KEY,
  agent_id         TEXT NOT NULL REFERENCES agents (id),
  team_id          TEXT REFERENCES teams (id),
  coach_id         TEXT REFERENCES users (id),
  evaluation_ids   TEXT NOT NULL,
  goal             TEXT NOT NULL,
  reality          TEXT,
  options          TEXT,
  way_forward      TEXT,
  held_at          BIGINT NOT NULL,
  acknowledged_at  BIGINT,
  created_at       BIGINT NOT NULL
);
CREATE INDEX coaching_sessions_agent ON coaching_sessions (agent_id, held_at);

-- SMART action plans; the follow-up review fills verdict/achieved/evaluated.
CREATE TABLE action_plans (
  id                TEXT PRIMARY KEY,
  agent_id          TEXT NOT NULL REFERENCES agents (id),
  team_id           TEXT REFERENCES teams (id),
  owner_id          TEXT REFERENCES users (id),
  goal              TEXT NOT NULL,
  measure           TEXT NOT NULL,
  criterion_id      TEXT,
  target            DOUBLE PRECISION NOT NULL,
  over_evaluations  INTEGER NOT NULL,
  due_at            BIGINT NOT NULL,
  status            TEXT NOT NULL,
  started_at        BIGINT NOT NULL,
  reviewed_at       BIGINT,
  achieved          DOUBLE PRECISION,
  evaluated         INTEGER,
  verdict           TEXT,
  created_by        TEXT REFERENCES users (id),
  created_at        BIGINT NOT NULL
);
CREATE INDEX action_plans_agent ON action_plans (agent_id, status);
CREATE INDEX action_plans_due ON action_plans (status, due_at);

CREATE TABLE training_records (
  id             TEXT PRIMARY KEY,
  agent_id       TEXT NOT NULL REFERENCES agents (id),
  team_id        TEXT REFERENCES teams (id),
  topic          TEXT NOT NULL,
  criterion_id   TEXT,
  root_cause     TEXT,
  assigned_by    TEXT REFERENCES users (id),
  assigned_at    BIGINT NOT NULL,
  due_at         BIGINT,
  completed_at   BIGINT,
  baseline       DOUBLE PRECISION,
  after_rate     DOUBLE PRECISION,
  verdict        TEXT,
  reviewed_at    BIGINT
);
CREATE INDEX training_records_agent ON training_records (agent_id, assigned_at);

-- An agent grading their own ticket before seeing the QC's grade.
CREATE TABLE self_reviews (
  id                    TEXT PRIMARY KEY,
  ticket_id             TEXT NOT NULL REFERENCES tickets (id),
  agent_id              TEXT NOT NULL REFERENCES agents (id),
  scorecard_version_id  TEXT NOT NULL REFERENCES scorecard_versions (id),
  answers               TEXT NOT NULL,
  score                 DOUBLE PRECISION,
  created_at            BIGINT NOT NULL,
  UNIQUE (ticket_id, agent_id)
);

CREATE TABLE retention_settings (
  id          TEXT PRIMARY KEY,
  months      INTEGER NOT NULL,
  updated_at  BIGINT NOT NULL,
  updated_by  TEXT REFERENCES users (id)
);

CREATE INDEX audit_events_at_id ON audit_events (at, id);
