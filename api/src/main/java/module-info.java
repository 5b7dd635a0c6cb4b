/**
 * Loopdesk's public API: tickets, customers, the service desk, events, the knowledge-base and store
 * contracts. Depends on nothing but Jackson's annotations; every other module depends on it.
 */
module io.loopdesk.api {
  requires transitive com.fasterxml.jackson.annotation;

  exports io.loopdesk.api;
  exports io.loopdesk.api.event;
  exports io.loopdesk.api.kb;
  exports io.loopdesk.api.spi;

  // Jackson reads and writes the annotated value types reflectively
  opens io.loopdesk.api to
      com.fasterxml.jackson.databind;
  opens io.loopdesk.api.event to
      com.fasterxml.jackson.databind;
}
