package io.loopdesk.store.jdbc;

import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.store.tck.TicketEventFeedConformanceTest;
import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The JDBC store's event feed on a file H2 database with durable commits, emptied before every
 * test, passes the feed kit; a reopened store is a new store object on the same file.
 */
class H2FileEventFeedConformanceTest extends TicketEventFeedConformanceTest {
  private static final JdbcConnectionPool POOL =
      JdbcConnectionPool.create(
          Databases.h2FileUrl(Path.of("target", "h2-feed-conformance", "loopdesk"))
              + ";WRITE_DELAY=0",
          "sa",
          "");
  private static final JdbcTicketStore STORE =
      JdbcTicketStore.builder().dataSource(POOL).migrateSchema(true).build();

  @Override
  protected TicketStore newStore() {
    Databases.empty(POOL);
    return STORE;
  }

  @Override
  protected TicketStore reopen(TicketStore used) {
    return JdbcTicketStore.builder().dataSource(POOL).build();
  }
}
