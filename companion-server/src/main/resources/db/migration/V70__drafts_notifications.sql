-- A scorecard's routing as drafted (team, channel, tag, default): applied to the live columns only
-- when the draft is published, so saving a draft never changes which scorecard a ticket gets.
ALTER TABLE scorecards ADD COLUMN draft_rules TEXT;

-- In-app notifications; mail_wanted follows the recipient's preference when it was raised and
-- mailed_at is set once the SMTP copy went out.
CREATE TABLE notifications (
  id            TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL REFERENCES users (id),
  kind          TEXT NOT NULL,
  subject_type  TEXT NOT NULL,
  subject_id    TEXT NOT NULL,
  title         TEXT NOT NULL,
  link          TEXT NOT NULL,
  created_at    BIGINT NOT NULL,
  read_at       BIGINT,
  mail_wanted   INTEGER NOT NULL DEFAULT 0,
  mailed_at     BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, read_at, created_at);
CREATE INDEX notifications_subject ON notifications (subject_id, kind);
CREATE INDEX notifications_mail ON notifications (mail_wanted, mailed_at);

-- Per-user choice per kind; a missing row means in-app on, mail off.
CREATE TABLE notification_preferences (
  user_id  TEXT NOT NULL REFERENCES users (id),
  kind     TEXT NOT NULL,
  in_app   INTEGER NOT NULL,
  email    INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind)
);

-- Calibration: a deadline after which the grades may be revealed, and the grader whose answers are
-- the benchmark when the lead names one instead of recording agreed answers.
ALTER TABLE calibration_sessions ADD COLUMN deadline_at BIGINT;
ALTER TABLE calibration_sessions ADD COLUMN benchmark_qc_id TEXT REFERENCES users (id);

-- Acknowledging an evaluation twice is one acknowledgement (earlier duplicates folded into the first).
DELETE FROM feedback WHERE kind = 'ACKNOWLEDGE' AND id NOT IN (
  SELECT MIN(id) FROM feedback WHERE kind = 'ACKNOWLEDGE' GROUP BY evaluation_id);
CREATE UNIQUE INDEX feedback_one_acknowledgement ON feedback (evaluation_id, kind)
  WHERE kind = 'ACKNOWLEDGE';

-- The agent confirms they read an action plan addressed to them.
ALTER TABLE action_plans ADD COLUMN acknowledged_at BIGINT;
