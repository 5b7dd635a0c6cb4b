/** Quality assurance: review sampling, scorecards and each agent's record. */
module io.loopdesk.quality {
  requires transitive io.loopdesk.api;

  exports io.loopdesk.quality;
}
