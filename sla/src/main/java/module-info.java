/** SLA policies, clocks and monitors, and business calendars. */
module io.loopdesk.sla {
  requires transitive io.loopdesk.api;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.slf4j;

  exports io.loopdesk.sla;
  exports io.loopdesk.sla.calendar;
}
