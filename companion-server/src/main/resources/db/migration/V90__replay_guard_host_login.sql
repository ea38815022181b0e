-- Issue 16: one-time use of host tokens and webhook deliveries, and opt-in e-mail matching for
-- host logins.

-- A key (token id, delivery id or signature digest) seen once; rows past expires_at are purged.
CREATE TABLE replay_guard (
  kind       TEXT   NOT NULL,
  seen_key   TEXT   NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (kind, seen_key)
);
CREATE INDEX replay_guard_expiry ON replay_guard (expires_at);

-- Where an admin allowed a host login to find its companion user by e-mail (default: never).
CREATE TABLE host_login_policies (
  connection_id TEXT    PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
  match_email   INTEGER NOT NULL DEFAULT 0,
  updated_at    BIGINT  NOT NULL
);
