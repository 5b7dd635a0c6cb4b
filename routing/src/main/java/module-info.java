/** Routing rules, assignment, escalation chains and delay requests. */
module io.loopdesk.routing {
  requires transitive io.loopdesk.api;
  requires transitive io.loopdesk.sla;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.slf4j;

  exports io.loopdesk.routing;
}
