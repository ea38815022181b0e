-- Which clause of the standard each kind of record in the audit pack evidences (issue 14).
-- Admins edit the mapping; the defaults are the sections of our SOP "Agent Performance Monitoring
-- and Quality Assurance" (docs: /work/shared/domain, section 4 Procedure and 5 Records).
CREATE TABLE audit_pack_clauses (
  record_kind  TEXT PRIMARY KEY,
  clause       TEXT NOT NULL,
  title        TEXT NOT NULL,
  position     INTEGER NOT NULL,
  updated_at   BIGINT NOT NULL,
  updated_by   TEXT REFERENCES users (id)
);

INSERT INTO audit_pack_clauses (record_kind, clause, title, position, updated_at) VALUES
  ('targets', 'SOP 4.1', 'Setting performance standards: KPIs and quality benchmarks', 1, 0),
  ('evaluations', 'SOP 4.2', 'Regular evaluations of randomly selected interactions', 2, 0),
  ('evaluation_answers', 'SOP 4.3', 'Analysing metrics: per-criterion results and root causes', 3, 0),
  ('csat', 'SOP 6', 'Quality metrics: CSAT at least 85 %', 4, 0),
  ('feedback', 'SOP 4.4', 'Feedback documented with agent responses', 5, 0),
  ('coaching_sessions', 'SOP 4.4', 'Feedback sessions with supporting data and suggestions', 6, 0),
  ('action_plans', 'SOP 4.4', 'Improvement plans with targets and follow-up review', 7, 0),
  ('training_records', 'SOP 4.5', 'Training from performance gaps and its measured effect', 8, 0),
  ('escalations', 'SOP 4.6', 'Compliance monitoring: violations escalated and documented', 9, 0),
  ('calibration', 'SOP 4.2', 'Consistent assessment: QC calibration sessions', 10, 0),
  ('evaluation_sheets', 'SOP 5', 'Evaluation sheets kept for at least 12 months', 11, 0);
