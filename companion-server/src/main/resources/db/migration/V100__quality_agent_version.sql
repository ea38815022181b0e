-- Replaces the single quality_aggregate_version row, which every evaluation write updated (all
-- instances on one PostgreSQL database would queue on it). Each agent's token changes on every
-- write to that agent's agent_week_quality rows, a row the same transaction already writes, so no
-- new contention; agent_id '*' changes on a rebuild. Readers key cached answers by the count and
-- sum of the tokens.
CREATE TABLE quality_agent_version (
  agent_id  TEXT PRIMARY KEY,
  version   BIGINT NOT NULL
);
DROP TABLE quality_aggregate_version;
