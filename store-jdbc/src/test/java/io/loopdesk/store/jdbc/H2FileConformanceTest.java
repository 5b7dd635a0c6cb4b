package io.loopdesk.store.jdbc;

import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.TicketStoreConformanceTest;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;

/** The JDBC store on a file H2 database, emptied before every test, passes the conformance kit. */
class H2FileConformanceTest extends TicketStoreConformanceTest {
  private static final JdbcConnectionPool POOL =
      Databases.h2File(Path.of("target", "h2-conformance", "loopdesk"));
  private static final JdbcTicketStore STORE =
      JdbcTicketStore.builder().dataSource(POOL).migrateSchema(true).build();

  @Override
  protected TicketStore newStore() {
    Databases.empty(POOL);
    return STORE;
  }
}
