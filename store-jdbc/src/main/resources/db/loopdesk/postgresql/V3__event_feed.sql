-- Loopdesk JDBC store, schema version 3: the global event feed (TicketEventFeed).
--
-- Every event row gets a feed position (feed_tx, feed_seq): feed_tx is the id of the transaction
-- that wrote it (txid_current(), the same value as pg_current_xact_id() on PostgreSQL 13+), feed_seq
-- a sequence value. Readers read in (feed_tx, feed_seq) order and only rows whose feed_tx is below
-- the xmin of their snapshot (txid_snapshot_xmin(txid_current_snapshot())): every transaction with
-- a smaller id has then committed or rolled back, so no event can still appear before a position a
-- reader has passed. A sequence value alone would not do: it is taken before commit, so a slower
-- transaction can commit a smaller one after a reader passed it.
-- Both columns are filled by defaults, so a save sends the same INSERT as before.
ALTER TABLE loopdesk_ticket_event ADD COLUMN feed_tx BIGINT;
ALTER TABLE loopdesk_ticket_event ADD COLUMN feed_seq BIGINT;

-- Events written before version 3 come first, in the order they happened.
UPDATE loopdesk_ticket_event e SET feed_tx = 0, feed_seq = o.n
  FROM (SELECT ticket_id, version,
               row_number() OVER (ORDER BY occurred_second, occurred_nano, ticket_id, version) AS n
          FROM loopdesk_ticket_event) o
 WHERE e.ticket_id = o.ticket_id AND e.version = o.version;

CREATE SEQUENCE loopdesk_feed_seq;
ALTER TABLE loopdesk_ticket_event ALTER COLUMN feed_tx SET DEFAULT txid_current();
ALTER TABLE loopdesk_ticket_event ALTER COLUMN feed_tx SET NOT NULL;
ALTER TABLE loopdesk_ticket_event ALTER COLUMN feed_seq SET DEFAULT nextval('loopdesk_feed_seq');
ALTER TABLE loopdesk_ticket_event ALTER COLUMN feed_seq SET NOT NULL;
CREATE INDEX loopdesk_ticket_event_feed_ix ON loopdesk_ticket_event (feed_tx, feed_seq);

-- Durable subscriptions: the position of the last event each named consumer handled.
CREATE TABLE loopdesk_feed_subscription (
  name      VARCHAR(200)  NOT NULL,
  feed_tx   BIGINT        NOT NULL,
  feed_seq  BIGINT        NOT NULL,
  CONSTRAINT loopdesk_feed_subscription_pk PRIMARY KEY (name)
);
