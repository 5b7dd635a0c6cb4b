package io.loopdesk.store.jdbc;

import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.CheckpointClaimsConformanceTest;
import javax.sql.DataSource;

/**
 * The JDBC store's checkpoint claims on the PostgreSQL server named by {@code LOOPDESK_PG_URL} pass
 * the claims kit; skipped when the variable is absent (see {@code scripts/with-postgres.sh}).
 */
@RequiresPostgres
class PostgresCheckpointClaimsConformanceTest extends CheckpointClaimsConformanceTest {
  private static DataSource pool;
  private static JdbcTicketStore store;

  @Override
  protected TicketStore newStore() {
    synchronized (PostgresCheckpointClaimsConformanceTest.class) {
      if (store == null) {
        pool = Databases.postgres().orElseThrow();
        store = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
      }
    }
    Databases.empty(pool);
    return store;
  }

  @Override
  protected TicketStore reopen(TicketStore used) {
    return JdbcTicketStore.builder().dataSource(pool).build();
  }
}
