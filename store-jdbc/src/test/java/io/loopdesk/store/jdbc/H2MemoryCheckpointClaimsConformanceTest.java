package io.loopdesk.store.jdbc;

import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.CheckpointClaimsConformanceTest;
import java.util.IdentityHashMap;
import java.util.Map;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The JDBC store's checkpoint claims on a new in-memory H2 database per test pass the claims kit.
 */
class H2MemoryCheckpointClaimsConformanceTest extends CheckpointClaimsConformanceTest {
  private final Map<TicketStore, JdbcConnectionPool> pools = new IdentityHashMap<>();

  @Override
  protected TicketStore newStore() {
    JdbcConnectionPool pool = Databases.h2Memory();
    pool.setMaxConnections(16);
    TicketStore store = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    pools.put(store, pool);
    return store;
  }

  @Override
  protected TicketStore reopen(TicketStore used) {
    JdbcConnectionPool pool = pools.get(used);
    TicketStore again = JdbcTicketStore.builder().dataSource(pool).build();
    pools.put(again, pool);
    return again;
  }

  @Override
  protected void release(TicketStore used) {
    JdbcConnectionPool pool = pools.remove(used);
    if (!pools.containsValue(pool)) {
      Databases.shutdown(pool);
    }
  }
}
