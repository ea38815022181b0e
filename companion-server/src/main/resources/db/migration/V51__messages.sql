-- Conversations ingested in bulk with the tickets (issue 12). Keyed by the host's ticket id so
-- comments read before their ticket closes wait for it; those whose ticket never arrives are
-- purged after 30 days. Bounded per ticket: conversations.omitted counts messages not stored.
CREATE TABLE messages (
  id                 TEXT PRIMARY KEY,
  connection_id      TEXT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  ticket_external_id TEXT NOT NULL,
  message_key        TEXT NOT NULL,
  author_id          TEXT,
  author_kind        TEXT NOT NULL,
  public_message     INTEGER NOT NULL,
  created_at         BIGINT NOT NULL,
  body               TEXT NOT NULL,
  html               TEXT,
  attachments        TEXT NOT NULL,
  truncated          INTEGER NOT NULL DEFAULT 0,
  UNIQUE (connection_id, ticket_external_id, message_key)
);
CREATE INDEX messages_ticket ON messages (connection_id, ticket_external_id, created_at);

CREATE TABLE conversations (
  connection_id      TEXT NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  ticket_external_id TEXT NOT NULL,
  stored             INTEGER NOT NULL,
  omitted            INTEGER NOT NULL,
  updated_at         BIGINT NOT NULL,
  PRIMARY KEY (connection_id, ticket_external_id)
);
