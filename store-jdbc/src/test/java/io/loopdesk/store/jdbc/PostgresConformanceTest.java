package io.loopdesk.store.jdbc;

import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.TicketStoreConformanceTest;
import javax.sql.DataSource;

/**
 * The JDBC store on the PostgreSQL server named by {@code LOOPDESK_PG_URL} passes the conformance
 * kit; skipped when the variable is absent (see {@code scripts/with-postgres.sh}).
 */
@RequiresPostgres
class PostgresConformanceTest extends TicketStoreConformanceTest {
  private static DataSource pool;
  private static JdbcTicketStore store;

  @Override
  protected TicketStore newStore() {
    synchronized (PostgresConformanceTest.class) {
      if (store == null) {
        pool = Databases.postgres().orElseThrow();
        store = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
      }
    }
    Databases.empty(pool);
    return store;
  }

  @Override
  protected int writerThreads() {
    return 6;
  }
}
