package io.loopdesk.kb;

import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

/**
 * Semantic search follows another instance on PostgreSQL (skipped unless LOOPDESK_PG_URL is set).
 */
@RequiresPostgres
class PostgresSemanticFollowTest {
  @Test
  void anotherInstanceFindsANewArticleByMeaning() throws InterruptedException {
    JdbcConnectionPool pool = KbDatabases.postgres();
    try {
      SemanticSearchSyncTest.followsByMeaning(pool);
    } finally {
      pool.dispose();
    }
  }
}
