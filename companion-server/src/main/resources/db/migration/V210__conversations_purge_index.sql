-- Every sync page purges conversations whose ticket never arrived (Conversations.purgeOrphans:
-- updated_at older than 30 days). Through the primary key that read every conversation of the
-- connection on every page, so ingest slowed down with each page stored (1M tickets: ~1,000 pages
-- each scanning up to 1M rows, twice); with this index it reads only the old ones.
CREATE INDEX conversations_updated ON conversations (connection_id, updated_at);
