package io.loopdesk.kb;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Two knowledge bases on one in-memory H2 database; runs everywhere. */
class H2SharedDatabaseTest extends SharedDatabaseTests {
  private JdbcConnectionPool pool;

  @BeforeEach
  void createDatabase() {
    pool = KbDatabases.h2Memory();
  }

  @AfterEach
  void dropDatabase() {
    closeAll();
    KbDatabases.shutdown(pool);
  }

  @Override
  DataSource database() {
    return pool;
  }
}
