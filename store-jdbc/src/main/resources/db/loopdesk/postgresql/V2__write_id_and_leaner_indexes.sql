-- Loopdesk JDBC store, schema version 2.
--
-- write_id: a random number stored with every save. A store that answers a command from memory
-- (TicketStore.findForCommand) updates the row only if it still holds the write it remembered, so a
-- row changed by another process, or deleted and created again with the same version, is never
-- overwritten from a stale memory. Rows written before version 2 hold 0.
ALTER TABLE loopdesk_ticket ADD COLUMN write_id BIGINT DEFAULT 0 NOT NULL;

-- Every saved row updates every index of its table, so the ticket table keeps only the indexes that
-- queries need: status and deadline share one (open tickets by deadline is the query that matters).
DROP INDEX loopdesk_ticket_status_ix;
DROP INDEX loopdesk_ticket_due_ix;
CREATE INDEX loopdesk_ticket_status_due_ix ON loopdesk_ticket (status, due_second, due_nano);

-- Events are written only together with their ticket, in one transaction, and never deleted, so the
-- foreign key only cost an extra index and a ticket lookup on every append.
ALTER TABLE loopdesk_ticket_event DROP CONSTRAINT loopdesk_ticket_event_ticket_fk;
