/** Archive of closed tickets and crypto-shredding of customers' personal data. */
module io.loopdesk.archive {
  requires transitive io.loopdesk.api;
  requires transitive io.loopdesk.access;
  requires transitive io.loopdesk.core;
  requires transitive io.loopdesk.store.jdbc;
  requires transitive java.sql;

  exports io.loopdesk.archive;
}
