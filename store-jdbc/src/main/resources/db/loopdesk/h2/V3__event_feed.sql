-- Loopdesk JDBC store, schema version 3: the global event feed (TicketEventFeed).
--
-- Every event row gets a feed position (feed_tx, feed_seq). H2 has no transaction ids to filter on,
-- so feed_tx is a commit counter: a save increments the single row of loopdesk_feed_clock right
-- before it inserts its event and keeps that row locked until it commits. Saves therefore take
-- counter values in commit order (H2 commits one at a time anyway), a rolled back save returns its
-- value, and a reader that sees value n committed will never see a smaller one appear later.
-- feed_seq orders the events of one transaction.
ALTER TABLE loopdesk_ticket_event ADD COLUMN feed_tx BIGINT;
ALTER TABLE loopdesk_ticket_event ADD COLUMN feed_seq BIGINT;

-- Events written before version 3 come first, in the order they happened.
MERGE INTO loopdesk_ticket_event e
USING (SELECT ticket_id, version,
              ROW_NUMBER() OVER (ORDER BY occurred_second, occurred_nano, ticket_id, version) AS n
         FROM loopdesk_ticket_event) o
   ON (e.ticket_id = o.ticket_id AND e.version = o.version)
 WHEN MATCHED THEN UPDATE SET feed_tx = 0, feed_seq = o.n;

CREATE SEQUENCE loopdesk_feed_seq;
ALTER TABLE loopdesk_ticket_event ALTER COLUMN feed_tx SET NOT NULL;
ALTER TABLE loopdesk_ticket_event ALTER COLUMN feed_seq SET DEFAULT NEXT VALUE FOR loopdesk_feed_seq;
ALTER TABLE loopdesk_ticket_event ALTER COLUMN feed_seq SET NOT NULL;
CREATE INDEX loopdesk_ticket_event_feed_ix ON loopdesk_ticket_event (feed_tx, feed_seq);

CREATE TABLE loopdesk_feed_clock (
  id           INTEGER  NOT NULL,
  last_commit  BIGINT   NOT NULL,
  CONSTRAINT loopdesk_feed_clock_pk PRIMARY KEY (id)
);
INSERT INTO loopdesk_feed_clock (id, last_commit) VALUES (1, 0);

-- Durable subscriptions: the position of the last event each named consumer handled.
CREATE TABLE loopdesk_feed_subscription (
  name      VARCHAR(200)  NOT NULL,
  feed_tx   BIGINT        NOT NULL,
  feed_seq  BIGINT        NOT NULL,
  CONSTRAINT loopdesk_feed_subscription_pk PRIMARY KEY (name)
);
