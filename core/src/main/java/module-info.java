/**
 * The reference service desk: lifecycle, guards, priority model, in-memory store and JSON mapping.
 */
module io.loopdesk.core {
  requires transitive io.loopdesk.api;
  requires transitive com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires org.slf4j;

  exports io.loopdesk.core;
  exports io.loopdesk.core.json;
}
