/** Role-based access control, personal-data masking and encryption at rest. */
module io.loopdesk.access {
  requires transitive io.loopdesk.api;
  requires org.slf4j;

  exports io.loopdesk.access;
}
