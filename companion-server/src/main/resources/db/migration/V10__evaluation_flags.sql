-- Compliance flags raised by scoring, and which answers failed a critical criterion
-- (on the 1-5 scale a critical criterion can lose points without failing critically).
ALTER TABLE evaluations ADD COLUMN compliance_flag INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evaluation_answers ADD COLUMN critical_failed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evaluation_answers ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;

-- Write-back status per evaluation, and the "has this QC submitted on this ticket" check.
CREATE INDEX outbox_evaluation ON outbox (evaluation_id, revision);
CREATE INDEX evaluations_ticket_qc ON evaluations (ticket_id, qc_id, status);
