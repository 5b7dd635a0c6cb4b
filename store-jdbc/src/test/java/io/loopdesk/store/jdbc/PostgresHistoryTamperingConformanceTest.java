package io.loopdesk.store.jdbc;

import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.TicketHistoryTamperingConformanceTest;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQL edits, deletions, reorderings and insertions in PostgreSQL are detected; skipped when {@code
 * LOOPDESK_PG_URL} is absent (see {@code scripts/with-postgres.sh}).
 */
@RequiresPostgres
class PostgresHistoryTamperingConformanceTest extends TicketHistoryTamperingConformanceTest {
  private static DataSource pool;
  private static JdbcTicketStore shared;

  @Override
  protected TicketStore newStore() {
    synchronized (PostgresHistoryTamperingConformanceTest.class) {
      if (shared == null) {
        pool = Databases.postgres().orElseThrow();
        shared = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
      }
    }
    Databases.empty(pool);
    return shared;
  }

  @Override
  protected HistoryIntegrity integrity() {
    return SqlHistoryTampering.coreIntegrity();
  }

  @Override
  protected Optional<StorageTampering> tampering(TicketStore target) {
    return Optional.of(new SqlHistoryTampering(pool));
  }
}
