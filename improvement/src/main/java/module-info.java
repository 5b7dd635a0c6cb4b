/** Improvement plans: the "analyse and improve" end of the service loop. */
module io.loopdesk.improvement {
  requires transitive io.loopdesk.api;
  requires transitive io.loopdesk.sla;

  exports io.loopdesk.improvement;
}
