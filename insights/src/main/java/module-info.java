/** KPIs, reports and their Micrometer binding. */
module io.loopdesk.insights {
  requires transitive io.loopdesk.api;
  // Micrometer is optional: only KpiMeterBinder needs it
  requires static micrometer.core;

  exports io.loopdesk.insights;
}
