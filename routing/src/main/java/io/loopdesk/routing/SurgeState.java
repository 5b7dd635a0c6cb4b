package io.loopdesk.routing;

/** Whether the desk runs normally or under its surge (emergency) plan. */
public enum SurgeState {
  /** Normal routing. */
  NORMAL,
  /**
   * The surge plan: core categories first, overflow to standby and partner pools, self-service for
   * the rest.
   */
  SURGE
}
