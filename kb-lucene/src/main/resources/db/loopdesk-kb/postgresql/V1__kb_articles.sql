-- Loopdesk knowledge base, schema version 1, PostgreSQL 12 or later.
-- Without a migration tool: KbJdbcSchema.migrate(dataSource) or LuceneKnowledgeBase.builder()
-- .database(dataSource).migrateSchema(true); it records versions in loopdesk_kb_schema_history.
--
-- Articles are stored as JSON (the format of the file journal; unpaired surrogates escaped, so the
-- text is valid UTF-8). The database is the source of truth; each process keeps a Lucene index that
-- follows loopdesk_kb_change and can be rebuilt from loopdesk_kb_article at any time.

-- The current version of every article.
CREATE TABLE loopdesk_kb_article (
  id       VARCHAR(128) NOT NULL,
  version  BIGINT       NOT NULL,
  article  TEXT         NOT NULL,
  CONSTRAINT loopdesk_kb_article_pk PRIMARY KEY (id),
  CONSTRAINT loopdesk_kb_article_version_ck CHECK (version >= 1)
);

-- Every version ever saved, written in the same transaction as the current row.
CREATE TABLE loopdesk_kb_article_version (
  id            VARCHAR(128) NOT NULL,
  version       BIGINT       NOT NULL,
  saved_second  BIGINT       NOT NULL,
  saved_nano    INTEGER      NOT NULL,
  article       TEXT         NOT NULL,
  CONSTRAINT loopdesk_kb_article_version_pk PRIMARY KEY (id, version)
);

-- Which tickets an article helped resolve; each pair once.
CREATE TABLE loopdesk_kb_usage (
  article_id  VARCHAR(128) NOT NULL,
  ticket_id   VARCHAR(128) NOT NULL,
  CONSTRAINT loopdesk_kb_usage_pk PRIMARY KEY (article_id, ticket_id)
);

-- The change feed: one row per changed article per write, at consecutive positions. A writer takes
-- its positions from loopdesk_kb_change_head under the row lock of the head, as the last step of its
-- transaction, and holds that lock until it commits: positions become visible in order, without
-- gaps, so a reader that has applied position p can read "position > p" and miss nothing.
CREATE TABLE loopdesk_kb_change (
  change_position  BIGINT       NOT NULL,
  article_id       VARCHAR(128) NOT NULL,
  CONSTRAINT loopdesk_kb_change_pk PRIMARY KEY (change_position)
);

-- One row: the last position handed out, and a random id of this database's feed (an index built
-- from another database is rebuilt, not caught up).
CREATE TABLE loopdesk_kb_change_head (
  id             INTEGER     NOT NULL,
  head_position  BIGINT      NOT NULL,
  feed_id        VARCHAR(64) NOT NULL,
  CONSTRAINT loopdesk_kb_change_head_pk PRIMARY KEY (id),
  CONSTRAINT loopdesk_kb_change_head_one_ck CHECK (id = 1)
);

INSERT INTO loopdesk_kb_change_head (id, head_position, feed_id)
  VALUES (1, 0, md5(random()::text || clock_timestamp()::text));
