package io.loopdesk.sla;

/**
 * Carries out escalation actions, e.g. by notifying people or calling the service desk. Called
 * after the tracker released its lock; may call back into the service desk (whose events then reach
 * the tracker). Must be thread-safe. An exception is logged and recorded in the audit trail as a
 * failed action.
 */
@FunctionalInterface
public interface EscalationHandler {

  /** A handler that does nothing (actions are still recorded in the audit trail). */
  EscalationHandler NONE = action -> {};

  /** Carries out one action. */
  void execute(EscalationAction action);
}
