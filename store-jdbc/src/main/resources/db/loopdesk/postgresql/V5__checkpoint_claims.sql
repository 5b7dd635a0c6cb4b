-- Loopdesk JDBC store, schema version 5: checkpoint claims (CheckpointClaims).
--
-- Every instance of a clustered SLA tracker computes the same due checkpoints from the event feed;
-- before firing one it inserts its key here. The primary key lets exactly one insert of a key win,
-- durably, so each warning, breach and escalation fires once across all instances and restarts.
-- One row per fired checkpoint; the columns after the key record who fired it, when it was due and
-- when it fired, and whether it fired late (e.g. after every instance had been down).
CREATE TABLE loopdesk_checkpoint_claim (
  claim_key     VARCHAR(300)  NOT NULL,
  due_second    BIGINT        NOT NULL,
  due_nano      INTEGER       NOT NULL,
  fired_second  BIGINT        NOT NULL,
  fired_nano    INTEGER       NOT NULL,
  owner         VARCHAR(200)  NOT NULL,
  late          BOOLEAN       NOT NULL,
  CONSTRAINT loopdesk_checkpoint_claim_pk PRIMARY KEY (claim_key)
);
