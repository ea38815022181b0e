-- Write-back saga: the steps of a row already done (JSON object step -> {outcome, ref, detail})
-- and the step that failed last, so a retry resumes where the last attempt stopped.
ALTER TABLE outbox ADD COLUMN steps TEXT;
ALTER TABLE outbox ADD COLUMN failed_step TEXT;
