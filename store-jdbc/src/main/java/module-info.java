/** The JDBC ticket store for PostgreSQL and H2, with its migrations. */
module io.loopdesk.store.jdbc {
  requires transitive io.loopdesk.api;
  requires transitive java.sql;
  requires io.loopdesk.core;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;
  // H2 is optional: only the embedded file store names its pool
  requires static com.h2database;

  exports io.loopdesk.store.jdbc;
}
