-- AutoQA: one automatic evaluation per ticket, its own kind, never mixed with human grades.
-- status SCORED or NO_CONVERSATION; a row is stale (rescored) when the ticket's updated_at or the
-- rule-set version differs.
CREATE TABLE auto_evaluations (
  ticket_id            TEXT PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
  ticket_updated_at    BIGINT NOT NULL,
  rule_set_version     TEXT NOT NULL,
  status               TEXT NOT NULL,
  language             TEXT,
  language_confidence  DOUBLE PRECISION,
  result               TEXT,
  scored_at            BIGINT NOT NULL
);

-- One row per check of a scored ticket, for the gate and spotlight queries.
CREATE TABLE auto_check_results (
  ticket_id   TEXT NOT NULL REFERENCES auto_evaluations (ticket_id) ON DELETE CASCADE,
  check_id    TEXT NOT NULL,
  value       DOUBLE PRECISION,
  pass        INTEGER,
  confidence  DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (ticket_id, check_id)
);
CREATE INDEX auto_check_results_check ON auto_check_results (check_id, ticket_id);

-- A scorecard version's criterion answered automatically: the check and the mapping spec.
CREATE TABLE autoqa_bindings (
  scorecard_version_id  TEXT NOT NULL REFERENCES scorecard_versions (id),
  criterion_id          TEXT NOT NULL,
  check_id              TEXT NOT NULL,
  mapping               TEXT NOT NULL,
  updated_at            BIGINT NOT NULL,
  updated_by            TEXT REFERENCES users (id),
  PRIMARY KEY (scorecard_version_id, criterion_id)
);
