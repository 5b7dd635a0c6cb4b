package io.loopdesk.routing;

/** Why a ticket is escalated; recorded in the escalation's reason. */
public enum EscalationTrigger {
  /** An SLA clock crossed a warning threshold. */
  SLA_WARNING,
  /** An SLA target was breached. */
  SLA_BREACH,
  /** A complaint's severity. */
  COMPLAINT_SEVERITY,
  /** The same customer complained repeatedly. */
  REPEATED_COMPLAINTS,
  /** Someone escalated by hand. */
  MANUAL
}
