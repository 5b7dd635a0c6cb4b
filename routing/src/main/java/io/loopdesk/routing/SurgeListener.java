package io.loopdesk.routing;

/**
 * Receives every surge switch, e.g. to write it to the host's audit store, page the standby agents
 * or change the IVR message. Called on the thread that observed the load, after the switch; must not
 * block for long. An exception is logged and does not undo the switch.
 */
@FunctionalInterface
public interface SurgeListener {
  /**
   * Handles a switch.
   *
   * @param change the switch
   */
  void onSwitch(SurgeSwitch change);
}
