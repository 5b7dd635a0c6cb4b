-- Loopdesk JDBC store, schema version 4: the optional transactional outbox.
--
-- With JdbcTicketStore.builder().outbox(true) every save also inserts one row here, in the same
-- transaction as the ticket and its event, in the column layout of Debezium's outbox event router:
-- id (the event's stable id, FeedEvent.idOf), aggregatetype ('ticket'), aggregateid (the ticket id),
-- type (the change type, e.g. RESOLVED) and payload (the event as Loopdesk JSON). Debezium does not
-- read H2; the table exists so that the same code runs on both databases and tests can read it.
CREATE TABLE loopdesk_outbox (
  id             UUID              NOT NULL,
  aggregatetype  VARCHAR(255)      NOT NULL,
  aggregateid    VARCHAR(255)      NOT NULL,
  type           VARCHAR(255)      NOT NULL,
  payload        VARCHAR(1000000)  NOT NULL,
  CONSTRAINT loopdesk_outbox_pk PRIMARY KEY (id)
);
