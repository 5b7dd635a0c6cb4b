/** One entry point that wires a whole desk from a definition file. */
module io.loopdesk.desk {
  requires transitive io.loopdesk.api;
  requires transitive io.loopdesk.core;
  requires transitive io.loopdesk.sla;
  requires transitive io.loopdesk.routing;
  requires transitive io.loopdesk.access;
  requires transitive io.loopdesk.store.jdbc;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.slf4j;

  exports io.loopdesk.desk;
}
