-- What a grader did with each AutoQA suggestion (issue 15): per submitted revision and bound
-- criterion, the automatic value shown pre-filled and the value the human submitted. OVERRIDDEN
-- when they differ (N/A counts as a value), ACCEPTED otherwise. Written inside the submit
-- transaction; never changed afterwards.
CREATE TABLE autoqa_suggestion_outcomes (
  evaluation_id         TEXT NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
  revision              INTEGER NOT NULL,
  criterion_id          TEXT NOT NULL,
  ticket_id             TEXT NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  scorecard_version_id  TEXT NOT NULL REFERENCES scorecard_versions (id),
  kind                  TEXT NOT NULL,
  check_id              TEXT NOT NULL,
  rule_set_version      TEXT NOT NULL,
  automatic_value       DOUBLE PRECISION NOT NULL,
  human_value           DOUBLE PRECISION,
  outcome               TEXT NOT NULL,
  decided_by            TEXT NOT NULL REFERENCES users (id),
  decided_at            BIGINT NOT NULL,
  PRIMARY KEY (evaluation_id, revision, criterion_id)
);
CREATE INDEX autoqa_outcomes_criterion
  ON autoqa_suggestion_outcomes (scorecard_version_id, criterion_id, outcome);
