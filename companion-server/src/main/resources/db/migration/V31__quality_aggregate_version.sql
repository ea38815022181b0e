-- Changes on every write to agent_week_quality (a random token, so a rolled-back write never
-- reuses it); readers cache aggregate answers keyed by it.
CREATE TABLE quality_aggregate_version (
  id       INTEGER PRIMARY KEY,
  version  BIGINT NOT NULL
);
INSERT INTO quality_aggregate_version (id, version) VALUES (1, 0);
