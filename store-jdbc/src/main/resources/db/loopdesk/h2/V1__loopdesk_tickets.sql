-- Loopdesk JDBC store, schema version 1, H2 2.x.
-- Flyway users: add classpath:db/loopdesk/h2 to your locations. Without a migration tool:
-- JdbcSchema.migrate(dataSource) or JdbcTicketStore.builder().migrateSchema(true).
--
-- Tickets: the current snapshot as JSON (the source of truth for reads) plus the columns that
-- queries filter and sort on. Text criteria are stored as keys: the value with '\' doubled, NUL and
-- unpaired surrogates escaped, so that equality of keys is equality of values on every database.
-- Instants are split into epoch second and nano of second so that they sort and compare exactly.
-- id_order is the id as hex UTF-16 code units: ids sort exactly as Java's String.compareTo does.
CREATE TABLE loopdesk_ticket (
  id              VARCHAR(128)     NOT NULL,
  version         BIGINT           NOT NULL,
  status          VARCHAR(64)      NOT NULL,
  priority        VARCHAR(8),
  category        VARCHAR(64),
  assignee_key    VARCHAR(400),
  department_key  VARCHAR(640),
  customer_key    VARCHAR(400)     NOT NULL,
  due_second      BIGINT,
  due_nano        INTEGER,
  created_second  BIGINT           NOT NULL,
  created_nano    INTEGER          NOT NULL,
  id_order        VARCHAR(512)     NOT NULL,
  snapshot        VARCHAR(1000000) NOT NULL,
  CONSTRAINT loopdesk_ticket_pk PRIMARY KEY (id),
  CONSTRAINT loopdesk_ticket_version_ck CHECK (version >= 1)
);

CREATE INDEX loopdesk_ticket_order_ix ON loopdesk_ticket (created_second, created_nano, id_order);
CREATE INDEX loopdesk_ticket_status_ix ON loopdesk_ticket (status);
CREATE INDEX loopdesk_ticket_assignee_ix ON loopdesk_ticket (assignee_key);
CREATE INDEX loopdesk_ticket_customer_ix ON loopdesk_ticket (customer_key);
CREATE INDEX loopdesk_ticket_due_ix ON loopdesk_ticket (due_second, due_nano);

-- The append-only audit trail: one row per accepted command, written in the same transaction as
-- the ticket row it produced. The JSON is the event; the other columns are for reporting.
CREATE TABLE loopdesk_ticket_event (
  ticket_id       VARCHAR(128)     NOT NULL,
  version         BIGINT           NOT NULL,
  occurred_second BIGINT           NOT NULL,
  occurred_nano   INTEGER          NOT NULL,
  actor_key       VARCHAR(400)     NOT NULL,
  change_type     VARCHAR(64)      NOT NULL,
  from_status     VARCHAR(64),
  to_status       VARCHAR(64)      NOT NULL,
  event           VARCHAR(1000000) NOT NULL,
  CONSTRAINT loopdesk_ticket_event_pk PRIMARY KEY (ticket_id, version),
  CONSTRAINT loopdesk_ticket_event_ticket_fk FOREIGN KEY (ticket_id) REFERENCES loopdesk_ticket (id)
);
