-- The cells of ticket_week_kpis a write changes (see V230), appended by triggers so every writer
-- (ingest, agent merges, evaluations, retention, fixtures) is caught. Append-only: writers never
-- update a row another writer could hold; TicketKpis.fold claims and deletes committed rows.
-- A week starts Monday 00:00 UTC: solved_at minus its floor remainder, shifted by 3 days.
CREATE TABLE ticket_kpi_changes (
  id          INTEGER PRIMARY KEY,
  week_start  BIGINT NOT NULL,
  team_id     TEXT NOT NULL,
  agent_id    TEXT NOT NULL
);

INSERT INTO ticket_kpi_changes (week_start, team_id, agent_id)
SELECT DISTINCT solved_at - (((solved_at + 259200000) % 604800000) + 604800000) % 604800000,
       COALESCE(team_id, ''), COALESCE(agent_id, '')
FROM tickets WHERE solved_at IS NOT NULL;

CREATE TRIGGER tickets_kpi_insert AFTER INSERT ON tickets WHEN NEW.solved_at IS NOT NULL
BEGIN
  INSERT INTO ticket_kpi_changes (week_start, team_id, agent_id) VALUES (
    NEW.solved_at - (((NEW.solved_at + 259200000) % 604800000) + 604800000) % 604800000,
    COALESCE(NEW.team_id, ''), COALESCE(NEW.agent_id, ''));
END;

CREATE TRIGGER tickets_kpi_update
AFTER UPDATE OF solved_at, agent_id, team_id, csat_rating, reopen_count, handle_time_seconds
ON tickets
WHEN OLD.solved_at IS NOT NEW.solved_at OR OLD.agent_id IS NOT NEW.agent_id
  OR OLD.team_id IS NOT NEW.team_id OR OLD.csat_rating IS NOT NEW.csat_rating
  OR OLD.reopen_count IS NOT NEW.reopen_count
  OR OLD.handle_time_seconds IS NOT NEW.handle_time_seconds
BEGIN
  INSERT INTO ticket_kpi_changes (week_start, team_id, agent_id)
  SELECT OLD.solved_at - (((OLD.solved_at + 259200000) % 604800000) + 604800000) % 604800000,
         COALESCE(OLD.team_id, ''), COALESCE(OLD.agent_id, '')
  WHERE OLD.solved_at IS NOT NULL;
  INSERT INTO ticket_kpi_changes (week_start, team_id, agent_id)
  SELECT NEW.solved_at - (((NEW.solved_at + 259200000) % 604800000) + 604800000) % 604800000,
         COALESCE(NEW.team_id, ''), COALESCE(NEW.agent_id, '')
  WHERE NEW.solved_at IS NOT NULL;
END;

CREATE TRIGGER tickets_kpi_delete AFTER DELETE ON tickets WHEN OLD.solved_at IS NOT NULL
BEGIN
  INSERT INTO ticket_kpi_changes (week_start, team_id, agent_id) VALUES (
    OLD.solved_at - (((OLD.solved_at + 259200000) % 604800000) + 604800000) % 604800000,
    COALESCE(OLD.team_id, ''), COALESCE(OLD.agent_id, ''));
END;

-- An evaluation changes its ticket's cell when it starts or stops counting ("evaluated").
CREATE TRIGGER evaluations_kpi_insert AFTER INSERT ON evaluations
BEGIN
  INSERT INTO ticket_kpi_changes (week_start, team_id, agent_id)
  SELECT t.solved_at - (((t.solved_at + 259200000) % 604800000) + 604800000) % 604800000,
         COALESCE(t.team_id, ''), COALESCE(t.agent_id, '')
  FROM tickets t WHERE t.id = NEW.ticket_id AND t.solved_at IS NOT NULL;
END;

CREATE TRIGGER evaluations_kpi_update
AFTER UPDATE OF ticket_id, kind, status, score, submitted_at ON evaluations
WHEN OLD.ticket_id IS NOT NEW.ticket_id OR OLD.kind IS NOT NEW.kind
  OR OLD.status IS NOT NEW.status OR (OLD.score IS NULL) <> (NEW.score IS NULL)
  OR (OLD.submitted_at IS NULL) <> (NEW.submitted_at IS NULL)
BEGIN
  INSERT INTO ticket_kpi_changes (week_start, team_id, agent_id)
  SELECT t.solved_at - (((t.solved_at + 259200000) % 604800000) + 604800000) % 604800000,
         COALESCE(t.team_id, ''), COALESCE(t.agent_id, '')
  FROM tickets t WHERE t.id IN (OLD.ticket_id, NEW.ticket_id) AND t.solved_at IS NOT NULL;
END;

CREATE TRIGGER evaluations_kpi_delete AFTER DELETE ON evaluations
BEGIN
  INSERT INTO ticket_kpi_changes (week_start, team_id, agent_id)
  SELECT t.solved_at - (((t.solved_at + 259200000) % 604800000) + 604800000) % 604800000,
         COALESCE(t.team_id, ''), COALESCE(t.agent_id, '')
  FROM tickets t WHERE t.id = OLD.ticket_id AND t.solved_at IS NOT NULL;
END;
