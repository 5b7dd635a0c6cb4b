package io.loopdesk.store.jdbc;

import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.TicketHistoryTamperingConformanceTest;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcConnectionPool;

/** SQL edits, deletions, reorderings and insertions in an H2 database are detected. */
class H2MemoryHistoryTamperingConformanceTest extends TicketHistoryTamperingConformanceTest {
  private final Map<TicketStore, JdbcConnectionPool> pools = new IdentityHashMap<>();

  @Override
  protected TicketStore newStore() {
    JdbcConnectionPool pool = Databases.h2Memory();
    TicketStore created = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    pools.put(created, pool);
    return created;
  }

  @Override
  protected void release(TicketStore used) {
    Databases.shutdown(pools.remove(used));
  }

  @Override
  protected HistoryIntegrity integrity() {
    return SqlHistoryTampering.coreIntegrity();
  }

  @Override
  protected Optional<StorageTampering> tampering(TicketStore target) {
    return Optional.of(new SqlHistoryTampering(pools.get(target)));
  }
}
