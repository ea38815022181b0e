-- Sampling: which policy decided a ticket and its deterministic draw (replacements and quota
-- top-ups pick the lowest draw of a stratum), and every replacement with its reason, so a policy
-- that keeps picking tickets not worth grading shows up in the replacement statistics.
ALTER TABLE sample_decisions ADD COLUMN policy_id TEXT;
ALTER TABLE sample_decisions ADD COLUMN draw DOUBLE PRECISION;
CREATE INDEX sample_decisions_stratum ON sample_decisions (stratum, status);
CREATE INDEX sample_decisions_week ON sample_decisions (week_start, agent_id);

CREATE TABLE sample_replacements (
  id             TEXT PRIMARY KEY,
  decision_id    TEXT NOT NULL REFERENCES sample_decisions (id) ON DELETE CASCADE,
  substitute_id  TEXT REFERENCES sample_decisions (id) ON DELETE SET NULL,
  policy_id      TEXT,
  team_id        TEXT REFERENCES teams (id),
  agent_id       TEXT REFERENCES agents (id),
  reason         TEXT NOT NULL,
  replaced_by    TEXT REFERENCES users (id),
  at             BIGINT NOT NULL
);
CREATE INDEX sample_replacements_at ON sample_replacements (at);
