package io.loopdesk.store.jdbc;

import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.TicketStoreConformanceTest;
import java.util.IdentityHashMap;
import java.util.Map;
import org.h2.jdbcx.JdbcConnectionPool;

/** The JDBC store on a new in-memory H2 database per test passes the conformance kit. */
class H2MemoryConformanceTest extends TicketStoreConformanceTest {
  private final Map<TicketStore, JdbcConnectionPool> pools = new IdentityHashMap<>();

  @Override
  protected TicketStore newStore() {
    JdbcConnectionPool pool = Databases.h2Memory();
    TicketStore store = JdbcTicketStore.builder().dataSource(pool).migrateSchema(true).build();
    pools.put(store, pool);
    return store;
  }

  @Override
  protected void release(TicketStore used) {
    Databases.shutdown(pools.remove(used));
  }
}
