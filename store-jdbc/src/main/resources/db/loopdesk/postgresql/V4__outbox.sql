-- Loopdesk JDBC store, schema version 4: the optional transactional outbox.
--
-- With JdbcTicketStore.builder().outbox(true) every save also inserts one row here, in the same
-- transaction as the ticket and its event, in the column layout that Debezium's outbox event router
-- (io.debezium.transforms.outbox.EventRouter) reads by default:
--   id             the event's stable id (FeedEvent.idOf: the same UUID in the feed and here)
--   aggregatetype  always 'ticket': the router publishes to the topic outbox.event.ticket
--   aggregateid    the ticket id: the Kafka message key, so one ticket's events stay in order
--   type           the change type, e.g. OPENED, CLASSIFIED, RESOLVED
--   payload        the event as Loopdesk JSON (text: JSON escapes such as \u0000 that jsonb rejects
--                  can occur in ticket texts)
-- Debezium reads inserts from the write-ahead log, so rows may be deleted as soon as they are
-- committed (DELETE FROM loopdesk_outbox); Loopdesk never reads this table.
CREATE TABLE loopdesk_outbox (
  id             UUID          NOT NULL,
  aggregatetype  VARCHAR(255)  NOT NULL,
  aggregateid    VARCHAR(255)  NOT NULL,
  type           VARCHAR(255)  NOT NULL,
  payload        TEXT          NOT NULL,
  CONSTRAINT loopdesk_outbox_pk PRIMARY KEY (id)
);
