-- When a user was deactivated, so retention can anonymise users deactivated longer than the period.
-- Users already inactive get the time of their first retention run (the period starts then).
ALTER TABLE users ADD COLUMN deactivated_at BIGINT;
