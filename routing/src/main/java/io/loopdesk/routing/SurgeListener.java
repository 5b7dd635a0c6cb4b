package io.loopdesk.routing;

/**
 * Receives every surge switch, e.g. to write it to the host's audit store, page the standby agents
 * or change the IVR message. Called in switch order on the thread that observed the load, while the
 * control's lock is held: it must be quick and must not call back into the control. An exception is
 * logged and does not undo the switch.
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
