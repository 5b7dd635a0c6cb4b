-- Loopdesk JDBC store, schema version 6, H2 2.x: per-customer data keys, the erasure log and the
-- archive (used by loopdesk-access's CustomerKeys and loopdesk-archive; tickets unchanged).
--
-- One row per customer: the customer's AES data key wrapped (AES-GCM) under the host's master key.
-- Erasure (crypto-shredding) sets master_key_id and wrapped_key to NULL and records when; the row
-- stays as a tombstone so that no new key is ever created for that customer id. The primary key
-- lets exactly one instance create a customer's key.
CREATE TABLE loopdesk_customer_key (
  customer_id     VARCHAR(64)   NOT NULL,
  master_key_id   VARCHAR(16),
  wrapped_key     VARCHAR(200),
  created_second  BIGINT        NOT NULL,
  created_nano    INTEGER       NOT NULL,
  erased_second   BIGINT,
  erased_nano     INTEGER,
  CONSTRAINT loopdesk_customer_key_pk PRIMARY KEY (customer_id),
  CONSTRAINT loopdesk_customer_key_erased_ck CHECK (
    (erased_second IS NULL AND wrapped_key IS NOT NULL AND master_key_id IS NOT NULL)
    OR (erased_second IS NOT NULL AND wrapped_key IS NULL AND master_key_id IS NULL))
);

-- What an erasure did, per ticket of the erased customer, without personal data: who asked,
-- when, which event versions lost their personal data, and the chain values of those events as
-- verified just before the key was destroyed (so the history stays verifiable afterwards).
CREATE TABLE loopdesk_erasure_log (
  customer_id     VARCHAR(64)   NOT NULL,
  ticket_id       VARCHAR(128)  NOT NULL,
  erased_second   BIGINT        NOT NULL,
  erased_nano     INTEGER       NOT NULL,
  requested_by    VARCHAR(200)  NOT NULL,
  erased_versions VARCHAR(1000000) NOT NULL,
  attested_chains VARCHAR(1000000) NOT NULL,
  CONSTRAINT loopdesk_erasure_log_pk PRIMARY KEY (customer_id, ticket_id)
);

-- Archived tickets: one row per closed ticket moved to the archive, naming the ticket version that
-- was archived (a ticket changed after that version is live again). The primary key is the claim:
-- of several instances archiving the same ticket exactly one insert wins.
CREATE TABLE loopdesk_archived_ticket (
  ticket_id        VARCHAR(128)  NOT NULL,
  archived_version BIGINT        NOT NULL,
  customer_id      VARCHAR(64)   NOT NULL,
  closed_second    BIGINT        NOT NULL,
  closed_nano      INTEGER       NOT NULL,
  archived_second  BIGINT        NOT NULL,
  archived_nano    INTEGER       NOT NULL,
  archived_by      VARCHAR(200)  NOT NULL,
  CONSTRAINT loopdesk_archived_ticket_pk PRIMARY KEY (ticket_id)
);

CREATE INDEX loopdesk_archived_ticket_customer_ix ON loopdesk_archived_ticket (customer_id);
