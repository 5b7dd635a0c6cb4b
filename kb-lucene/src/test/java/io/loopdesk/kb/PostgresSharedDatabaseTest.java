package io.loopdesk.kb;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Two knowledge bases on one PostgreSQL database (skipped unless LOOPDESK_PG_URL is set). */
@RequiresPostgres
class PostgresSharedDatabaseTest extends SharedDatabaseTests {
  private JdbcConnectionPool pool;

  @BeforeEach
  void emptyDatabase() {
    pool = KbDatabases.postgres();
  }

  @AfterEach
  void closePool() {
    closeAll();
    pool.dispose();
  }

  @Override
  DataSource database() {
    return pool;
  }
}
