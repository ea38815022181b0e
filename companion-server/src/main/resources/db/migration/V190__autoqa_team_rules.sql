-- A team's AutoQA rules (issue 15), replacing the SOP defaults for the tickets of the team's
-- agents: SLA targets (NULL = no target), the product dictionary and the process rules on internal
-- notes (both JSON arrays). A team without a row is scored with the defaults. The rule-set version
-- stored with each automatic evaluation hashes these rules, so a change re-scores the team.
CREATE TABLE autoqa_team_rules (
  team_id               TEXT PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  first_reply_minutes   DOUBLE PRECISION,
  longest_wait_minutes  DOUBLE PRECISION,
  handle_time_minutes   DOUBLE PRECISION,
  max_reopens           INTEGER,
  dictionary            TEXT NOT NULL,
  process_rules         TEXT NOT NULL,
  updated_at            BIGINT NOT NULL,
  updated_by            TEXT REFERENCES users (id)
);
